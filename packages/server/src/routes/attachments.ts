import { Router, type Request, type Response } from 'express';
import type { AttachmentOwner } from '@skema/core';
import { UploadInterruptedError } from '@skema/submissions';
import { requireAuth } from '../auth/authenticate.js';
import { actorOf, principalOf } from '../auth/principal.js';
import { requireRole, SUBMISSION_ROLES } from '../auth/roles.js';
import { API_BASE, type AppContext } from '../context.js';
import { HttpProblem } from '../http/problem.js';

/** The request body as it arrives; a connection cut before its end becomes `UploadInterruptedError`. */
async function* body(req: Request): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of req) yield chunk as Uint8Array;
  } catch {
    throw new UploadInterruptedError('the upload was cut off');
  }
  if (!req.complete) throw new UploadInterruptedError('the upload was cut off');
}

/** `?name=` or `Content-Disposition: attachment; filename*=UTF-8''…` / `filename="…"`. */
function fileNameOf(req: Request): string | undefined {
  if (typeof req.query.name === 'string') return req.query.name;
  const disposition = req.get('content-disposition') ?? '';
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return star[1];
    }
  }
  return /filename\s*=\s*"([^"]*)"/i.exec(disposition)?.[1] ?? /filename\s*=\s*([^;]+)/i.exec(disposition)?.[1]?.trim();
}

/** RFC 6266 header for a download: the name in UTF-8 and an ASCII fallback. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Attachments: uploads stream straight into the blob store (mounted before the JSON parser), the
 * type detected from the content; downloads are authorised as reads of the owner and audited.
 */
export function attachmentsRouter(ctx: AppContext): Router {
  const router = Router();
  const guard = [requireAuth, requireRole(SUBMISSION_ROLES)];
  const attachments = () => {
    if (!ctx.attachments)
      throw new HttpProblem('not-implemented', {
        da: 'Denne server gemmer ikke bilag.',
        en: 'This server keeps no attachments.',
      });
    return ctx.attachments;
  };

  const upload = (kind: AttachmentOwner['kind']) => async (req: Request, res: Response) => {
    const principal = principalOf(res);
    // An embed session fills one form; it does not upload files.
    if (principal.scope)
      throw new HttpProblem('forbidden', {
        da: 'En indlejret formular kan ikke vedhæfte filer.',
        en: 'An embedded form cannot attach files.',
      });
    const service = attachments();
    const declared = Number(req.get('content-length'));
    if (Number.isFinite(declared) && declared > service.perFileBytes) {
      // Refused before a byte is read; the connection is closed so the client stops sending.
      res.set('Connection', 'close');
      throw new HttpProblem(
        'payload-too-large',
        {
          da: `Filen er større end grænsen på ${service.perFileBytes} byte.`,
          en: `The file is larger than the limit of ${service.perFileBytes} bytes.`,
        },
        { members: { limit: service.perFileBytes, which: 'file' } },
      );
    }
    const record = await service.upload(
      actorOf(principal),
      { kind, id: String(req.params.id) },
      fileNameOf(req),
      body(req),
    );
    res
      .status(201)
      .set('Location', `${API_BASE}/attachments/${encodeURIComponent(record.id)}`)
      .json(record);
  };

  router.post(`${API_BASE}/submissions/:id/attachments`, ...guard, upload('submission'));
  router.post(`${API_BASE}/cases/:id/attachments`, ...guard, upload('case'));

  const list = (kind: AttachmentOwner['kind']) => async (req: Request, res: Response) => {
    const items = await attachments().list(actorOf(principalOf(res)), { kind, id: String(req.params.id) });
    res.set('Cache-Control', 'private, no-cache').json({ items });
  };
  router.get(`${API_BASE}/submissions/:id/attachments`, ...guard, list('submission'));
  router.get(`${API_BASE}/cases/:id/attachments`, ...guard, list('case'));

  router.get(`${API_BASE}/attachments/:id`, ...guard, async (req, res) => {
    const { record, content } = await attachments().download(actorOf(principalOf(res)), String(req.params.id));
    res
      .status(200)
      .set('Content-Type', record.mediaType)
      .set('Content-Length', String(record.size))
      .set('Content-Disposition', disposition(record.fileName))
      .set('Digest', `sha-256=${Buffer.from(record.sha256, 'hex').toString('base64')}`)
      .set('Cache-Control', 'private, no-store');
    for await (const chunk of content) if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    res.end();
  });
  router.delete(`${API_BASE}/attachments/:id`, ...guard, async (req, res) => {
    const principal = principalOf(res);
    if (principal.scope)
      throw new HttpProblem('forbidden', {
        da: 'En indlejret formular kan ikke slette filer.',
        en: 'An embedded form cannot delete files.',
      });
    await attachments().remove(actorOf(principal), String(req.params.id));
    res.status(204).end();
  });
  return router;
}
