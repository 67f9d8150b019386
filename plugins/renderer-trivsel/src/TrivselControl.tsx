import { isControl, schemaMatches, type ControlProps, type OwnPropsOfEnum, type RankedTester } from '@jsonforms/core';
import { withJsonFormsEnumProps } from '@jsonforms/react';
import { ControlFrame, pathToPointer, pluginTester, useSkemaForm } from '@skema/react';
import { TRIVSEL_LEVELS, TRIVSEL_VALUES } from './levels.js';
import type { SkemaRendererEntry } from '@skema/react';
import { TRIVSEL_CSS } from './styles.js';

const TEXT = {
  da: {
    participation: 'Deltagelse i fællesskaber',
    collaborators: 'Samarbejdspartnere',
    intervention: 'Indsatstype',
    scale: 'Fra trivsel til truet trivsel',
  },
  en: {
    participation: 'Participation in communities',
    collaborators: 'Collaborators',
    intervention: 'Type of intervention',
    scale: 'From thriving to threatened well-being',
  },
} as const;

/**
 * The trivselsbarometer: the five levels as a visual scale of radio buttons, each with the seed's
 * signs, and for the chosen level the participation, collaborators and intervention type (TRV-01).
 */
function TrivselControl(props: ControlProps & OwnPropsOfEnum) {
  const { path, label, required, description, errors, visible, enabled } = props;
  const data: unknown = props.data;
  const { locale } = useSkemaForm();
  const text = TEXT[locale];
  const options = props.options ?? [];
  const chosen = TRIVSEL_LEVELS.find((l) => l.value === data);
  return (
    <ControlFrame
      pointer={pathToPointer(path)}
      label={label}
      required={required}
      description={description}
      errors={errors}
      visible={visible}
      group
      className="skema-field--trivsel"
    >
      {(a11y) => (
        <>
          <p className="skema-visually-hidden">{text.scale}</p>
          <ol className="skema-barometer">
            {TRIVSEL_LEVELS.map((level, index) => {
              const id = index === 0 ? a11y.id : `${a11y.id}--${index}`;
              const signsId = `${a11y.id}-signs-${index}`;
              const optionLabel = options.find((o) => o.value === level.value)?.label ?? level.value;
              return (
                <li
                  key={level.value}
                  className={`skema-barometer-level skema-barometer-level--${index + 1}`}
                  data-selected={data === level.value || undefined}
                >
                  <input
                    id={id}
                    type="radio"
                    name={a11y.id}
                    className="skema-radio"
                    checked={data === level.value}
                    disabled={!enabled}
                    aria-invalid={a11y['aria-invalid']}
                    aria-describedby={signsId}
                    onChange={() => props.handleChange(path, level.value)}
                  />
                  <label htmlFor={id}>
                    <span className="skema-barometer-step" aria-hidden="true">
                      {index + 1}
                    </span>
                    {optionLabel}
                  </label>
                  <p id={signsId} className="skema-barometer-signs">
                    {level.signs[locale]}
                  </p>
                </li>
              );
            })}
          </ol>
          <div className="skema-barometer-details" aria-live="polite">
            {chosen ? (
              <dl>
                <dt>{text.participation}</dt>
                <dd>{chosen.participation[locale]}</dd>
                <dt>{text.collaborators}</dt>
                <dd>{chosen.collaborators[locale]}</dd>
                <dt>{text.intervention}</dt>
                <dd>{chosen.intervention[locale]}</dd>
              </dl>
            ) : null}
          </div>
        </>
      )}
    </ControlFrame>
  );
}

const isTrivselEnum = schemaMatches(
  (schema) =>
    Array.isArray(schema.enum) &&
    schema.enum.length === TRIVSEL_VALUES.length &&
    TRIVSEL_VALUES.every((v) => schema.enum!.includes(v)),
);

/** The five trivsel levels as an enumeration (e.g. `niveau`), or `options.renderer: "trivsel"`. */
export const trivselTester: RankedTester = pluginTester('trivsel', isControl, isTrivselEnum);

export const TrivselRenderer = withJsonFormsEnumProps(TrivselControl);

export const trivselRendererEntry: SkemaRendererEntry = {
  tester: trivselTester,
  renderer: TrivselRenderer,
  css: TRIVSEL_CSS,
};

export const trivselRenderers: readonly SkemaRendererEntry[] = [trivselRendererEntry];
