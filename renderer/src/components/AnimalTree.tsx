// The pass-on chain as a tree: each animal, where it is now and who has kept it,
// with its offspring under it, joined to it by drawn lines (styles.css, ".tree"):
// plain borders, so the tree reads the same in black and white and on paper.
// Each tag opens the animal's full history.

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnimalNode } from '../../../electron/server/contract';
import { date } from '../format';
import { memberLabel } from '../herd-view';

interface Props<N extends AnimalNode> {
  readonly nodes: readonly N[];
  readonly onOpen: (animalId: string) => void;
  /** More to say about an animal (e.g. what a grant paid for it). */
  readonly extra?: (node: N) => ReactNode;
  readonly label: string;
}

export function AnimalTree<N extends AnimalNode>({ nodes, onOpen, extra, label }: Props<N>) {
  return (
    <ul className="tree" aria-label={label}>
      {nodes.map((n) => <Branch key={n.id} node={n} onOpen={onOpen} extra={extra} />)}
    </ul>
  );
}

function Branch<N extends AnimalNode>({ node, onOpen, extra }: { readonly node: N; readonly onOpen: (id: string) => void; readonly extra?: (node: N) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <li className={`tree__node tree__node--${node.status}`} data-testid={`animal-${node.tag}`}>
      <div className="tree__line">
        <button type="button" className="link tree__tag" onClick={() => onOpen(node.id)}>{node.tag}</button>
        <span>{describeAnimal(t, node)}</span>
        <span className={`badge badge--${node.status}`}>{t(`livestock.status.${node.status}`)}</span>
        {node.status === 'alive' && node.keeperName ? <span className="tree__keeper">{t('livestock.keptBy', { name: memberLabel(t, node.keeperName, node.keeperNo) })}</span> : null}
        {extra ? extra(node) : null}
      </div>
      {node.keepers.length > 0 ? (
        <p className="tree__keepers">
          {node.keepers.map((k, i) => (
            <span key={i}>{i > 0 ? ' → ' : ''}{t(`livestock.keeperHow.${k.how}`, { name: memberLabel(t, k.name, k.memberNo), date: date(k.since) })}</span>
          ))}
        </p>
      ) : null}
      {node.children.length > 0 ? (
        <ul className="tree">
          {node.children.map((c) => <Branch key={c.id} node={c as N} onOpen={onOpen} extra={extra} />)}
        </ul>
      ) : null}
    </li>
  );
}

/** "Cow, female, Friesian cross" or "25 chicken (batch)". */
export function describeAnimal(t: (key: string, options?: Record<string, unknown>) => string, a: Pick<AnimalNode, 'species' | 'sex' | 'breed' | 'headCount' | 'heads'>): string {
  if (a.headCount > 1) {
    const species = t(`livestock.speciesPlural.${a.species}`);
    return a.heads > 0 && a.heads < a.headCount
      ? t('livestock.batchLeft', { count: a.heads, of: a.headCount, species })
      : t('livestock.batchOf', { count: a.headCount, species });
  }
  const species = t(`livestock.species.${a.species}`);
  return [species, t(`livestock.sex.${a.sex}`), a.breed].filter(Boolean).join(', ');
}
