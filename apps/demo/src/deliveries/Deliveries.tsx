import { SkemaDeliveriesClient, type Delivery, type WebhookSubscriptionView } from '@skema/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../api.js';
import { dateTime, eventText, lastAnswer } from './delivery-text.js';

type Lists = { subscriptions: WebhookSubscriptionView[]; failed: Delivery[]; pending: Delivery[] };

const deliveries = () => new SkemaDeliveriesClient(client());

async function load(): Promise<Lists> {
  const api = deliveries();
  const [subscriptions, failed, pending] = await Promise.all([
    api.listWebhooks(),
    api.listDeliveries({ status: 'failed', limit: 100 }),
    api.listDeliveries({ status: 'pending', limit: 100 }),
  ]);
  return { subscriptions, failed: failed.items, pending: pending.items };
}

function Subscriptions(props: { items: WebhookSubscriptionView[] }) {
  if (props.items.length === 0)
    return (
      <p className="empty">
        Kommunen har ingen abonnementer. Leveringer kræver et abonnement (i konfigurationsfilen eller gennem
        administrations-API’et).
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Abonnementer</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Adresse</th>
            <th scope="col">Hændelser</th>
            <th scope="col">Arkiv</th>
            <th scope="col">Tilstand</th>
            <th scope="col">Oprettet i</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((s) => (
            <tr key={s.id} data-subscription={s.id}>
              <th scope="row">{s.id}</th>
              <td>
                <code className="receipt-no">{s.url}</code>
              </td>
              <td>{s.events.map(eventText).join(', ')}</td>
              <td>{s.archive ? 'Ja' : 'Nej'}</td>
              <td>{s.enabled ? 'Aktiv' : `Slået fra${s.disabledReason ? `: ${s.disabledReason}` : ''}`}</td>
              <td>{s.source === 'config' ? 'Konfigurationsfilen' : 'Administrations-API’et'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One delivery row; a failed one can be sent again after a confirmation in the row itself. */
function DeliveryRow(props: { delivery: Delivery; onReplay?: (d: Delivery) => Promise<void> }) {
  const d = props.delivery;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);
  const replay = props.onReplay;
  return (
    <tr data-delivery={d.id}>
      <th scope="row">{eventText(d.eventType)}</th>
      <td>
        {d.submissionId ? <a href={`#/submissions/${encodeURIComponent(d.submissionId)}`}>{d.submissionId}</a> : '–'}
      </td>
      <td>{d.subscriptionId}</td>
      <td>{d.attempts}</td>
      <td>{lastAnswer(d)}</td>
      <td>
        <time dateTime={d.lastAttemptAt ?? d.createdAt}>{dateTime(d.lastAttemptAt ?? d.createdAt)}</time>
      </td>
      {replay ? (
        <td>
          {confirming ? (
            <div className="confirm" role="group" aria-label={`Send «${eventText(d.eventType)}» igen?`}>
              <p>Send leveringen igen til «{d.subscriptionId}»? Modtageren får den samme hændelse med samme id.</p>
              <button
                ref={yes}
                type="button"
                disabled={busy}
                onClick={() => {
                  setBusy(true);
                  void replay(d).finally(() => setBusy(false));
                }}
              >
                Ja, send igen
              </button>{' '}
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setConfirming(false);
                  // Back to the button that opened the question.
                  setTimeout(() => ask.current?.focus(), 0);
                }}
              >
                Fortryd
              </button>
            </div>
          ) : (
            <button ref={ask} type="button" onClick={() => setConfirming(true)}>
              Send igen
            </button>
          )}
        </td>
      ) : null}
    </tr>
  );
}

function DeliveryTable(props: {
  caption: string;
  items: Delivery[];
  empty: string;
  onReplay?: (d: Delivery) => Promise<void>;
}) {
  if (props.items.length === 0) return <p className="empty">{props.empty}</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Hændelse</th>
            <th scope="col">Indsendelse</th>
            <th scope="col">Abonnement</th>
            <th scope="col">Forsøg</th>
            <th scope="col">Seneste svar</th>
            <th scope="col">Senest forsøgt</th>
            {props.onReplay ? <th scope="col">Handling</th> : null}
          </tr>
        </thead>
        <tbody>
          {props.items.map((d) => (
            <DeliveryRow key={d.id} delivery={d} {...(props.onReplay ? { onReplay: props.onReplay } : {})} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * «Leveringer»: the tenant's webhook subscriptions, the deliveries that gave up (failed) and those
 * still trying (pending). A failed delivery can be sent again after a confirmation; the result is
 * announced in a live region.
 */
export function Deliveries() {
  const [lists, setLists] = useState<Lists>();
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const refresh = useCallback(async () => {
    try {
      setLists(await load());
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const replay = async (d: Delivery) => {
    setAnnouncement('');
    try {
      await deliveries().retryDelivery(d.id);
      setAnnouncement(`Leveringen «${eventText(d.eventType)}» til «${d.subscriptionId}» er sat i kø og sendes nu.`);
      await refresh();
    } catch (e) {
      setAnnouncement(`Leveringen kunne ikke sendes igen: ${(e as Error).message}`);
    }
  };
  return (
    <section aria-labelledby="deliveries-title" className="deliveries">
      <h1 id="deliveries-title">Leveringer til kommunens systemer</h1>
      <p>
        Skema sender hændelser (indsendt, godkendt, dokument klar …) til kommunens systemer, fx ESDH. En levering, der
        bliver ved med at fejle, opgives efter omkring tre døgn og står her, til den sendes igen.
      </p>
      <p>
        <button type="button" onClick={() => void refresh()}>
          Opdatér
        </button>
      </p>
      <p role="status" aria-live="polite" className="announcement">
        {announcement}
      </p>
      {error ? (
        <p role="alert" className="skema-status skema-status--error">
          Leveringerne kunne ikke hentes: {error}
        </p>
      ) : null}
      {!lists && !error ? <p>Henter …</p> : null}
      {lists ? (
        <>
          <h2>Abonnementer</h2>
          <Subscriptions items={lists.subscriptions} />
          <h2>Fejlede leveringer</h2>
          <DeliveryTable
            caption="Fejlede leveringer, nyeste først"
            items={lists.failed}
            empty="Ingen fejlede leveringer."
            onReplay={replay}
          />
          <h2>Venter på levering</h2>
          <DeliveryTable
            caption="Leveringer, der venter på et nyt forsøg"
            items={lists.pending}
            empty="Ingen leveringer venter."
          />
        </>
      ) : null}
    </section>
  );
}
