import { SkemaCasesClient, type Wire } from '@skema/client';
import { useEffect, useState } from 'react';
import { client } from './api.js';

const STATUS_TEXT: Record<Wire.WorklistItem['status'], string> = { overdue: 'Overskredet', pending: 'Kommende' };

/** «Mine frister»: the deadlines of your open cases, soonest first, with the form and field they concern. */
export function Worklist() {
  const [items, setItems] = useState<Wire.WorklistItem[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    new SkemaCasesClient(client()).worklist().then(setItems, (e: Error) => setError(e.message));
  }, []);
  return (
    <section aria-labelledby="worklist-title">
      <h1 id="worklist-title">Mine frister</h1>
      <p>Frister i dine åbne sager, som reglerne udleder af sagens skemaer. Den tidligste står først.</p>
      {error ? (
        <p role="alert" className="skema-status skema-status--error">
          Fristerne kunne ikke hentes: {error}
        </p>
      ) : !items ? (
        <p role="status">Henter …</p>
      ) : items.length === 0 ? (
        <p role="status">Du har ingen frister i åbne sager.</p>
      ) : (
        <table className="worklist">
          <caption className="skema-visually-hidden">Frister, tidligste først</caption>
          <thead>
            <tr>
              <th scope="col">Frist</th>
              <th scope="col">Status</th>
              <th scope="col">Sag</th>
              <th scope="col">Skema</th>
              <th scope="col">Felt</th>
              <th scope="col">Regel</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr
                key={`${d.submissionId}:${d.ruleId}:${d.path}:${d.due}`}
                className={d.status === 'overdue' ? 'worklist-overdue' : undefined}
              >
                <td>
                  <time dateTime={d.due}>{d.due}</time>
                </td>
                <td>{STATUS_TEXT[d.status]}</td>
                <td>
                  <a href={`#/sager/${encodeURIComponent(d.caseId)}`}>{d.caseTitle}</a>
                </td>
                <td>
                  <a
                    href={`#/forms/${encodeURIComponent(d.formId)}/${encodeURIComponent(d.version)}?submission=${encodeURIComponent(d.submissionId)}`}
                  >
                    {d.formId}
                  </a>
                </td>
                <td>{d.label.da}</td>
                <td>
                  <code>{d.ruleId}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
