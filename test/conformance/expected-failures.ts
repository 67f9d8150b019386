/**
 * Where Ajv (the engine's validator) departs from JSON Schema 2020-12, by reason. The conformance
 * test fails when one of these starts passing (remove it) or anything else fails (a regression,
 * possibly caused by a plugin). Every entry was confirmed with the bare platform Ajv as well: the
 * standard plugins change no outcome of the suite.
 */
export interface KnownGap {
  reason: string;
  /** Groups whose schema does not compile: `file | group`. */
  compileErrors?: string[];
  /** Tests that give the wrong answer: `file | group | test`. */
  tests?: string[];
}

/** Formats ajv-formats does not implement: Ajv (strict: false) ignores them, so every "invalid" test passes as valid. */
export const UNIMPLEMENTED_FORMATS: Record<string, string> = {
  'optional/format/idn-email.json':
    'ajv-formats has no idn-email format (forms cannot use it either: the engine refuses unknown formats).',
  'optional/format/idn-hostname.json':
    'ajv-formats has no idn-hostname format (forms cannot use it either: the engine refuses unknown formats).',
  'optional/format/iri-reference.json':
    'ajv-formats has no iri-reference format (forms cannot use it either: the engine refuses unknown formats).',
  'optional/format/iri.json':
    'ajv-formats has no iri format (forms cannot use it either: the engine refuses unknown formats).',
};

export const KNOWN_GAPS: KnownGap[] = [
  {
    reason:
      "Ajv supports $dynamicRef/$dynamicAnchor only partially: a $dynamicRef must be a plain hash fragment and is resolved against the root's dynamic scope, so references through intermediate or detached resources resolve wrongly or do not compile. The platform's forms use local $ref only.",
    compileErrors: [
      'dynamicRef.json | A $dynamicRef that initially resolves to a schema with a matching $dynamicAnchor resolves to the first $dynamicAnchor in the dynamic scope',
      'dynamicRef.json | A $dynamicRef that initially resolves to a schema without a matching $dynamicAnchor behaves like a normal $ref to $anchor',
      'dynamicRef.json | after leaving a dynamic scope, it is not used by a $dynamicRef',
    ],
    tests: [
      'dynamicRef.json | A $dynamicRef to a $dynamicAnchor in the same schema resource behaves like a normal $ref to an $anchor | An array of strings is valid',
      'dynamicRef.json | A $dynamicRef to an $anchor in the same schema resource behaves like a normal $ref to an $anchor | An array of strings is valid',
      'dynamicRef.json | A $dynamicRef resolves to the first $dynamicAnchor still in scope that is encountered when the schema is evaluated | An array of strings is valid',
      'dynamicRef.json | A $dynamicRef without anchor in fragment behaves identical to $ref | An array of numbers is valid',
      "dynamicRef.json | A $dynamicRef with intermediate scopes that don't include a matching $dynamicAnchor does not affect dynamic scope resolution | An array of strings is valid",
      'dynamicRef.json | An $anchor with the same name as a $dynamicAnchor is not used for dynamic scope resolution | Any array is valid',
      'dynamicRef.json | A $dynamicRef without a matching $dynamicAnchor in the same schema resource behaves like a normal $ref to $anchor | Any array is valid',
      'dynamicRef.json | A $dynamicRef with a non-matching $dynamicAnchor in the same schema resource behaves like a normal $ref to $anchor | Any array is valid',
      'dynamicRef.json | multiple dynamic paths to the $dynamicRef keyword | number list with string values',
      'dynamicRef.json | multiple dynamic paths to the $dynamicRef keyword | string list with number values',
      'dynamicRef.json | tests for implementation dynamic anchor and reference link | correct extended schema',
      'dynamicRef.json | $ref and $dynamicAnchor are independent of order - $defs first | correct extended schema',
      'dynamicRef.json | $ref and $dynamicAnchor are independent of order - $ref first | correct extended schema',
      'dynamicRef.json | $ref to $dynamicRef finds detached $dynamicAnchor | number is valid',
      'dynamicRef.json | $ref to $dynamicRef finds detached $dynamicAnchor | non-number is invalid',
      'dynamicRef.json | $dynamicRef points to a boolean schema | follow $dynamicRef to a false schema',
      'dynamicRef.json | $dynamicRef skips over intermediate resources - direct reference | integer property passes',
      'dynamicRef.json | $dynamicRef avoids the root of each schema, but scopes are still registered | data is sufficient for schema at second#/$defs/length',
      'dynamicRef.json | $dynamicRef avoids the root of each schema, but scopes are still registered | data is not sufficient for schema at second#/$defs/length',
      'optional/dynamicRef.json | $dynamicRef skips over intermediate resources - pointer reference across resource boundary | integer property passes',
      'unevaluatedItems.json | unevaluatedItems with $dynamicRef | with no unevaluated items',
      'unevaluatedItems.json | unevaluatedItems with $dynamicRef | with unevaluated items',
      'unevaluatedProperties.json | unevaluatedProperties with $dynamicRef | with no unevaluated properties',
      'unevaluatedProperties.json | unevaluatedProperties with $dynamicRef | with unevaluated properties',
    ],
  },
  {
    reason:
      'The platform asserts formats on purpose (createAjv: validateFormats: true): forms rely on date, email, cpr and dk-phone being checked. The suite expects the 2020-12 default, format as an annotation only.',
    tests: [
      'format.json | email format | invalid email string is only an annotation by default',
      'format.json | regex format | invalid regex string is only an annotation by default',
      'format.json | ipv4 format | invalid ipv4 string is only an annotation by default',
      'format.json | ipv6 format | invalid ipv6 string is only an annotation by default',
      'format.json | hostname format | invalid hostname string is only an annotation by default',
      'format.json | date format | invalid date string is only an annotation by default',
      'format.json | date-time format | invalid date-time string is only an annotation by default',
      'format.json | time format | invalid time string is only an annotation by default',
      'format.json | json-pointer format | invalid json-pointer string is only an annotation by default',
      'format.json | relative-json-pointer format | invalid relative-json-pointer string is only an annotation by default',
      'format.json | uri format | invalid uri string is only an annotation by default',
      'format.json | uri-reference format | invalid uri-reference string is only an annotation by default',
      'format.json | uri-template format | invalid uri-template string is only an annotation by default',
      'format.json | uuid format | invalid uuid string is only an annotation by default',
      'format.json | duration format | invalid duration string is only an annotation by default',
    ],
  },
  {
    reason:
      "Ajv's unevaluatedItems/unevaluatedProperties do not collect annotations from every applicator: items evaluated by contains, by items inside anyOf, or by an if without then/else, and properties of a passing if when only else exists, count as unevaluated.",
    tests: [
      'unevaluatedItems.json | unevaluatedItems with nested items | with no additional items',
      'unevaluatedItems.json | unevaluatedItems with nested items | with invalid additional item',
      'unevaluatedItems.json | unevaluatedItems depends on adjacent contains | contains passes, second item is not evaluated',
      'unevaluatedItems.json | unevaluatedItems depends on multiple nested contains | 7 not evaluated, fails unevaluatedItems',
      "unevaluatedItems.json | unevaluatedItems and contains interact to control item dependency relationship | only b's are invalid",
      "unevaluatedItems.json | unevaluatedItems and contains interact to control item dependency relationship | only c's are invalid",
      "unevaluatedItems.json | unevaluatedItems and contains interact to control item dependency relationship | only b's and c's are invalid",
      "unevaluatedItems.json | unevaluatedItems and contains interact to control item dependency relationship | only a's and c's are invalid",
      'unevaluatedItems.json | unevaluatedItems with minContains = 0 | all items evaluated by contains',
      'unevaluatedItems.json | unevaluatedItems can see annotations from if without then and else | valid in case if is evaluated',
      'unevaluatedProperties.json | unevaluatedProperties with if/then/else, then not defined | when if is true and has no unevaluated properties',
      'unevaluatedProperties.json | unevaluatedProperties with if/then/else, then not defined | when if is false and has unevaluated properties',
      'unevaluatedProperties.json | unevaluatedProperties can see annotations from if without then and else | valid in case if is evaluated',
    ],
  },
  {
    reason:
      'Ajv tests property presence with data[name] !== undefined, which finds members inherited from Object.prototype (__proto__, toString, constructor) on plain objects.',
    tests: [
      'properties.json | properties whose names are Javascript object property names | none of the properties mentioned',
      'required.json | required properties whose names are Javascript object property names | none of the properties mentioned',
      'required.json | required properties whose names are Javascript object property names | __proto__ present',
      'required.json | required properties whose names are Javascript object property names | toString present',
      'required.json | required properties whose names are Javascript object property names | constructor present',
    ],
  },
  {
    reason:
      'Ajv overflows the stack resolving a $ref to a sibling resource with a relative or URN base URI whose own $ref points into its $defs.',
    compileErrors: [
      'ref.json | refs with relative uris and defs',
      'ref.json | relative refs with absolute uris and defs',
      'ref.json | URN ref with nested pointer ref',
    ],
  },
  {
    reason:
      'Ajv refuses enum: [] at compile time ("enum must have non-empty array"); 2020-12 allows an empty enum, which no value satisfies.',
    compileErrors: ['enum.json | empty enum'],
  },
  {
    reason:
      "Ajv computes multipleOf by division; 1e308 / 0.123456789 overflows to Infinity, which Ajv's integer check accepts as a multiple.",
    tests: [
      'multipleOf.json | float division = inf | always invalid, but naive implementations may raise an overflow error',
    ],
  },
  {
    reason:
      'Ajv2020 has no draft 2019-09 dialect: a $ref to a 2019-09 schema is evaluated with 2020-12 semantics (items is not prefixItems there).',
    tests: [
      'optional/cross-draft.json | refs to historic drafts are processed as historic drafts | first item not a string is valid',
    ],
  },
  {
    reason:
      'Ajv ignores $vocabulary: a custom meta-schema without the validation vocabulary, or with the format-assertion vocabulary (not bundled with Ajv), is not honoured.',
    compileErrors: [
      'optional/format-assertion.json | schema that uses custom metaschema with format-assertion: false',
      'optional/format-assertion.json | schema that uses custom metaschema with format-assertion: true',
    ],
    tests: [
      'vocabulary.json | schema that uses custom metaschema with with no validation vocabulary | no validation: invalid number, but it still validates',
    ],
  },
  {
    reason:
      'Ajv (strict: false) still registers an $id found inside an unknown keyword as an identifier, so two such $ids clash.',
    compileErrors: ['optional/unknownKeyword.json | $id inside an unknown keyword is not a real identifier'],
  },
  {
    reason:
      "ajv-formats' date-time accepts an offset without minutes and hour 24 with a leap second, and rejects a 15-digit second fraction.",
    tests: [
      'optional/format/date-time.json | validation of date-time strings | a numeric offset without minutes is invalid',
      'optional/format/date-time.json | validation of date-time strings | hour 24 is invalid even with a leap second',
      'optional/format/date-time.json | validation of date-time strings | a second fraction of fifteen nines is valid',
    ],
  },
  {
    reason:
      "ajv-formats' duration pattern accepts years and days without months, and hours and seconds without minutes.",
    tests: [
      'optional/format/duration.json | validation of duration strings | years and days cannot appear without months',
      'optional/format/duration.json | validation of duration strings | hours and seconds cannot appear without minutes',
    ],
  },
  {
    reason: "ajv-formats' regex format accepts \\a, which ECMA-262 does not define as a control escape.",
    tests: ['optional/format/ecmascript-regex.json | \\a is not an ECMA 262 control escape | when used as a pattern'],
  },
  {
    reason: "ajv-formats' email format accepts neither quoted local parts nor IP address literals after the @.",
    tests: [
      'optional/format/email.json | validation of e-mail addresses | a quoted string with a space in the local part is valid',
      'optional/format/email.json | validation of e-mail addresses | a quoted string with a double dot in the local part is valid',
      'optional/format/email.json | validation of e-mail addresses | a quoted string with a @ in the local part is valid',
      'optional/format/email.json | validation of e-mail addresses | an IPv4-address-literal after the @ is valid',
      'optional/format/email.json | validation of e-mail addresses | an IPv6-address-literal after the @ is valid',
    ],
  },
  {
    reason:
      "ajv-formats' hostname is a length and character pattern: it accepts a trailing dot and does not check A-labels (Punycode) against IDNA (RFC 5890-5893).",
    tests: [
      'optional/format/hostname.json | validation of host names | trailing dot',
      'optional/format/hostname.json | validation of A-label (punycode) host names | invalid Punycode',
      'optional/format/hostname.json | validation of A-label (punycode) host names | contains illegal char U+302E Hangul single dot tone mark',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Begins with a Spacing Combining Mark',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Begins with a Nonspacing Mark',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Begins with an Enclosing Mark',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Exceptions that are DISALLOWED, right-to-left chars',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Exceptions that are DISALLOWED, left-to-right chars',
      "optional/format/hostname.json | validation of A-label (punycode) host names | MIDDLE DOT with no preceding 'l'",
      'optional/format/hostname.json | validation of A-label (punycode) host names | MIDDLE DOT with nothing preceding',
      "optional/format/hostname.json | validation of A-label (punycode) host names | MIDDLE DOT with no following 'l'",
      'optional/format/hostname.json | validation of A-label (punycode) host names | MIDDLE DOT with nothing following',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Greek KERAIA not followed by Greek',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Greek KERAIA not followed by anything',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Hebrew GERESH not preceded by Hebrew',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Hebrew GERESH not preceded by anything',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Hebrew GERSHAYIM not preceded by Hebrew',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Hebrew GERSHAYIM not preceded by anything',
      'optional/format/hostname.json | validation of A-label (punycode) host names | KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han',
      'optional/format/hostname.json | validation of A-label (punycode) host names | KATAKANA MIDDLE DOT with no other characters',
      'optional/format/hostname.json | validation of A-label (punycode) host names | Arabic-Indic digits mixed with Extended Arabic-Indic digits',
      'optional/format/hostname.json | validation of A-label (punycode) host names | ZERO WIDTH JOINER not preceded by Virama',
      'optional/format/hostname.json | validation of A-label (punycode) host names | ZERO WIDTH JOINER not preceded by anything',
      'optional/format/hostname.json | validation of A-label (punycode) host names | contains "--" in the 3rd and 4th position',
    ],
  },
  {
    reason:
      "ajv-formats' uri and uri-reference patterns accept a non-numeric port, square brackets outside an authority, a double quote, several @ in an authority, a colon in the first relative segment and a leading zero in an embedded IPv4 address.",
    tests: [
      'optional/format/uri-reference.json | validation of URI References | a double quote in a path',
      'optional/format/uri-reference.json | validation of URI References | square brackets outside an authority',
      'optional/format/uri-reference.json | validation of URI References | a non-numeric port in a network-path reference',
      'optional/format/uri-reference.json | validation of URI References | more than one at-sign in the authority',
      'optional/format/uri-reference.json | validation of URI References | a leading zero in the IPv4 part of an IPv6 literal',
      'optional/format/uri-reference.json | validation of URI References | a colon in the first segment of a relative-path reference',
      'optional/format/uri.json | validation of URIs | non-numeric port is invalid',
      'optional/format/uri.json | validation of URIs | leading zero in an embedded IPv4 address is invalid',
      'optional/format/uri.json | validation of URIs | square brackets are not allowed in a path segment',
    ],
  },
  {
    reason:
      "ajv-formats' uri-template pattern rejects dotted variable names and apostrophes in literals and accepts a DEL character.",
    tests: [
      'optional/format/uri-template.json | format: uri-template | a dotted variable name is valid',
      'optional/format/uri-template.json | format: uri-template | a delete character in a literal is invalid',
      'optional/format/uri-template.json | format: uri-template | an apostrophe in a literal is valid',
    ],
  },
  {
    reason: "ajv-formats' uuid pattern accepts an optional urn:uuid: prefix.",
    tests: ['optional/format/uuid.json | uuid format | URN prefixed UUID is invalid'],
  },
];
