// What the programme page shows of an import (renderer/src/programme.ts), worked by hand.

import { describe, expect, it } from 'vitest';
import { importFraction, linesByConcern, outcomeCounts, timeLeft } from '../../renderer/src/programme';
import type { ImportLine, ImportProgressView, ImportReport } from '../../electron/server/contract';
import { groupingLabelKey } from '../../renderer/src/programme-view';

const progress = (over: Partial<ImportProgressView>): ImportProgressView => ({
  importId: 'x', files: 8, filesDone: 2, rows: 0, current: null, startedAt: '2026-11-30T10:00:00Z', secondsLeft: null, cancelling: false, finished: false, ...over,
});
const line = (outcome: ImportLine['outcome'], position: number): ImportLine => ({
  id: String(position), position, fileName: `f${position}.ikimina`, associationId: null, associationName: null, outcome, reasonCode: null, reasonParams: {}, rowsAdded: 0,
});

describe('the programme page', () => {
  it('shows how far an import has come', () => {
    expect(importFraction(null)).toBe(0);
    expect(importFraction(progress({ files: 0, filesDone: 0 }))).toBe(0);
    expect(importFraction(progress({ files: 8, filesDone: 2 }))).toBe(0.25);
    expect(timeLeft(progress({ secondsLeft: null }))).toBeNull();
    expect(timeLeft(progress({ secondsLeft: 125 }))).toEqual({ minutes: 2, seconds: 5 });
  });

  it('puts the files to look at first, and counts only the outcomes that happened', () => {
    const lines = [line('imported', 0), line('refused', 1), line('unchanged', 2), line('conflict', 3), line('new-key', 4)];
    const counts = { imported: 1, updated: 0, unchanged: 1, older: 0, refused: 1, conflict: 1, 'new-key': 1 };
    const report: ImportReport = { id: 'r', startedAt: '', finishedAt: null, startedBy: 'C', status: 'done', files: 5, counts, lines };
    const { attention, fine } = linesByConcern(report);
    expect(attention.map((l) => l.position)).toEqual([1, 3, 4]);
    expect(fine.map((l) => l.position)).toEqual([0, 2]);
    expect(outcomeCounts(report)).toEqual([
      { outcome: 'imported', count: 1 }, { outcome: 'unchanged', count: 1 }, { outcome: 'refused', count: 1 }, { outcome: 'conflict', count: 1 }, { outcome: 'new-key', count: 1 },
    ]);
  });

  it('names the places a view groups by with the country’s own levels when its groups are of one country', () => {
    const burundi = [{ country: 'BI' }, { country: 'BI' }];
    expect(['province', 'district', 'sector'].map((g) => groupingLabelKey(g as never, burundi))).toEqual(['place.BI.province', 'place.BI.commune', 'place.BI.zone']);
    expect(groupingLabelKey('province', [{ country: 'LR' }])).toBe('place.LR.county');
    expect(groupingLabelKey('district', [{ country: 'CD' }])).toBe('place.CD.territory');
    // Groups of several countries (a programme in dollars): the general names.
    expect(groupingLabelKey('district', [{ country: 'BI' }, { country: 'RW' }])).toBe('programme.grouping.district');
    expect(groupingLabelKey('project', burundi)).toBe('programme.grouping.project');
    expect(groupingLabelKey('district', [])).toBe('programme.grouping.district');
  });
});

describe('the programme report', () => {
  it('heads its second table by the country’s own second level when its groups are of one country', async () => {
    const { secondLevelHeading } = await import('../../electron/server/programme/export');
    const { messageIn } = await import('../../electron/server/messages/render');
    const say = (locale: 'en' | 'fr' | 'rn', groups: { country: string }[]) => messageIn(locale, `programme.${secondLevelHeading(groups)}`, {});
    expect(say('en', [{ country: 'BI' }, { country: 'BI' }])).toBe('By commune');
    expect(say('rn', [{ country: 'BI' }])).toBe('Hisunzwe komine');
    expect(say('fr', [{ country: 'CD' }])).toBe('Par territoire ou ville');
    expect(say('en', [{ country: 'RW' }])).toBe('By district');
    // Groups of several countries (a programme in dollars): the general heading.
    expect(say('en', [{ country: 'BI' }, { country: 'CD' }])).toBe('By district');
  });
});
