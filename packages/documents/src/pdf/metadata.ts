/** XML text content: `&`, `<`, `>` and quotes as entities. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );
}

/**
 * A document-information text that pdfkit writes twice: raw (as a PDF string, which it escapes)
 * in the Info dictionary, and pasted unescaped into the XMP packet by a template literal, where
 * «Børn & unge» would break the XML. The Info dictionary reads the value (`valueOf`), the template
 * calls `toString`: this gives each what it needs.
 */
export class InfoText extends String {
  override toString(): string {
    return escapeXml(this.valueOf());
  }
}

export const SKEMA_XMP_NS = 'https://skema.dk/ns/document/1.0/';

export interface SkemaXmp {
  submissionId: string;
  formId: string;
  formVersion: string;
  formHash: string;
  contentHash: string;
  modifyDate: Date;
}

const PROPERTIES: Array<[keyof Omit<SkemaXmp, 'modifyDate'>, string]> = [
  ['submissionId', 'Kvitteringsnummer (submission id)'],
  ['formId', 'Form id'],
  ['formVersion', 'Form version'],
  ['formHash', 'Content hash of the form version'],
  ['contentHash', 'Content hash of the submission data'],
];

const iso = (d: Date): string => `${d.toISOString().split('.')[0]}Z`;

/**
 * The submission's identity in the XMP packet, with the extension-schema description PDF/A
 * requires for a namespace of its own, and the modification date matching the Info dictionary.
 */
export function skemaXmp(x: SkemaXmp): string {
  const described = PROPERTIES.map(
    ([name, description]) => `
                <rdf:li rdf:parseType="Resource">
                  <pdfaProperty:name>${name}</pdfaProperty:name>
                  <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                  <pdfaProperty:category>external</pdfaProperty:category>
                  <pdfaProperty:description>${escapeXml(description)}</pdfaProperty:description>
                </rdf:li>`,
  ).join('');
  const values = PROPERTIES.map(([name]) => `\n            <skema:${name}>${escapeXml(x[name])}</skema:${name}>`).join(
    '',
  );
  return `
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
          <pdfaExtension:schemas>
            <rdf:Bag>
              <rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>Skema submission document</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>${SKEMA_XMP_NS}</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>skema</pdfaSchema:prefix>
                <pdfaSchema:property>
                  <rdf:Seq>${described}
                  </rdf:Seq>
                </pdfaSchema:property>
              </rdf:li>
            </rdf:Bag>
          </pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${iso(x.modifyDate)}</xmp:ModifyDate>
            <xmp:MetadataDate>${iso(x.modifyDate)}</xmp:MetadataDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:skema="${SKEMA_XMP_NS}">${values}
        </rdf:Description>`;
}
