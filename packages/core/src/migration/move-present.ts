import jsonpatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { valueAt } from '../data-access.js';

/** One field a migration moves: RFC 6902 `move` from `from` to `path`. */
export interface PresentMove {
  from: string;
  path: string;
}

/**
 * A plugin migration (`SkemaPlugin.migrations`) made of JSON Patch `move` operations that apply
 * to the fields the data holds. A form's declared `patch` fails on a missing `from` (on purpose: a
 * restructuring must not skip data); optional fields, such as typed approvals most submissions
 * never had, need the move only where they are present. Missing parent objects of a target are
 * added empty first. Nothing is dropped: a target that already holds a value fails the migration.
 */
export function movePresent(moves: readonly PresentMove[]): (data: unknown) => unknown {
  return (data) => {
    const ops: Operation[] = [];
    const added = new Set<string>();
    for (const { from, path } of moves) {
      if (valueAt(data, from) === undefined) continue;
      if (valueAt(data, path) !== undefined) throw new Error('target-occupied');
      const segments = path.split('/').slice(1, -1);
      for (let i = 1; i <= segments.length; i++) {
        const parent = `/${segments.slice(0, i).join('/')}`;
        if (valueAt(data, parent) === undefined && !added.has(parent)) {
          ops.push({ op: 'add', path: parent, value: {} });
          added.add(parent);
        }
      }
      ops.push({ op: 'move', from, path });
    }
    return ops.length === 0 ? data : jsonpatch.applyPatch(data, ops, true, false).newDocument;
  };
}
