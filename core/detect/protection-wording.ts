import { type Text, text } from '../i18n.js';
import type { Use } from './node-uses.js';
import type { GraphNode } from './storage-graph.js';

/**
 * The words of a protection detail: who does what, and how it is tied to the drive, so a trainee understands
 * why the drive is greyed out and a technician knows what to unmount, stop or detach.
 */
export type Relation =
  /** The drive itself. */
  | { kind: 'self' }
  /** Rests on the drive: directly as its partition, or through the `via` nodes (top first). */
  | { kind: 'above'; direct: boolean; via: GraphNode[] }
  /** The drive shows the whole of this node (a loop device's file or device). */
  | { kind: 'below' }
  /** Rests on `common`, which the drive shows in whole too. */
  | { kind: 'shares'; common: GraphNode };

export function describeUse(node: GraphNode, use: Use, relation: Relation): Text {
  const who = subject(node);
  if (use.kind === 'holder') {
    const kind = node.type ?? 'dm/md';
    if (relation.kind === 'shares') {
      const same = sameThing(relation.common);
      return join(
        who,
        text(`(${kind}) utilise ${same.fr} que ce disque`, `(${kind}) uses ${same.en} as this drive`),
      );
    }
    const via = viaText(relation);
    return join(who, text(`(${kind}) est construit dessus${via.fr}`, `(${kind}) is built on it${via.en}`));
  }
  const does = predicate(use);
  switch (relation.kind) {
    case 'self':
      return join(who, does);
    case 'above': {
      if (relation.direct) return join(who, does);
      const via = viaText(relation);
      return join(
        who,
        text(`${does.fr} et repose sur ce disque${via.fr}`, `${does.en} and rests on this drive${via.en}`),
      );
    }
    case 'below':
      return text(
        `ce disque repose sur ${who.fr}, qui ${does.fr}`,
        `this drive rests on ${who.en}, which ${does.en}`,
      );
    case 'shares': {
      const same = sameThing(relation.common);
      return join(
        who,
        text(
          `${does.fr} et utilise ${same.fr} que ce disque`,
          `${does.en} and uses ${same.en} as this drive`,
        ),
      );
    }
  }
}

function predicate(use: Exclude<Use, { kind: 'holder' }>): Text {
  switch (use.kind) {
    case 'mounted':
      return text(`est monté sur ${use.at}`, `is mounted at ${use.at}`);
    case 'swap':
      return text("sert de mémoire d'échange", 'is active swap');
    case 'boot':
      return use.what;
    case 'bcache':
      return use.role === 'backing'
        ? text(
            'est enregistré dans bcache comme disque de stockage',
            'is registered with bcache as a backing device',
          )
        : text(
            'est enregistré dans bcache comme disque de cache',
            'is registered with bcache as a cache device',
          );
  }
}

function subject(node: GraphNode): Text {
  return node.isFile
    ? text(`le fichier ${node.label}`, `the file ${node.label}`)
    : text(node.label, node.label);
}

function sameThing(node: GraphNode): Text {
  return node.isFile
    ? text(`le même fichier (${node.label})`, `the same file (${node.label})`)
    : text(`le même périphérique (${node.label})`, `the same device (${node.label})`);
}

function viaText(relation: Relation): Text {
  if (relation.kind !== 'above' || relation.via.length === 0) return text('', '');
  const names = relation.via.map(subject);
  return text(` (via ${names.map((n) => n.fr).join(', ')})`, ` (via ${names.map((n) => n.en).join(', ')})`);
}

function join(who: Text, does: Text): Text {
  return text(`${who.fr} ${does.fr}`, `${who.en} ${does.en}`);
}
