import type { ConfigSummary } from './admin-api.js';

const STATUS_TEXT: Record<ConfigSummary['status'], string> = {
  draft: 'Kladde',
  published: 'Udgivet',
  deprecated: 'Udfaset',
};
const KIND_TEXT: Record<ConfigSummary['kind'], string> = { overlay: 'Tilpasning', form: 'Egen formular' };

/** The versions saved or published on this page, with their status; a version can be opened in the editor. */
export function ConfigList(props: {
  configs: readonly ConfigSummary[] | undefined;
  onOpen(config: ConfigSummary): void;
}) {
  return (
    <section aria-labelledby="configs-title">
      <h2 id="configs-title">Versioner gemt og udgivet her</h2>
      {!props.configs ? (
        <p role="status">Henter versionerne …</p>
      ) : props.configs.length === 0 ? (
        <p>
          Der er endnu ikke gemt eller udgivet noget her. Hvad der gælder for en formular nu, står øverst, når du har
          valgt den.
        </p>
      ) : (
        <table className="table configs">
          <thead>
            <tr>
              <th scope="col">Formular</th>
              <th scope="col">Type</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Opdateret</th>
              <th scope="col">
                <span className="visually-hidden">Handling</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.configs.map((c) => (
              <tr key={`${c.kind}/${c.formId}/${c.version}`} data-config={`${c.kind}/${c.formId}/${c.version}`}>
                <td>{c.formId}</td>
                <td>{KIND_TEXT[c.kind]}</td>
                <td>{c.version}</td>
                <td className={`status status--${c.status}`}>{STATUS_TEXT[c.status]}</td>
                <td>
                  {new Date(c.updatedAt).toLocaleString('da-DK')} ({c.updatedBy})
                </td>
                <td>
                  {c.kind === 'overlay' ? (
                    <button type="button" onClick={() => props.onOpen(c)}>
                      Åbn i redigering
                      <span className="visually-hidden">
                        {' '}
                        {c.formId} version {c.version}
                      </span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
