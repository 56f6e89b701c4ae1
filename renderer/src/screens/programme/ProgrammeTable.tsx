// The programme's groups as a table (sorted by any column, rolled up by a place, a
// project or a facilitator): each rolled-up line opens to the groups behind it, and a
// group opens its books. Columns carry the indicators' names, with their definitions
// as the header's title.

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  flexRender, getCoreRowModel, getExpandedRowModel, getSortedRowModel, useReactTable, type ColumnDef, type ExpandedState, type SortingState,
} from '@tanstack/react-table';
import type { IndicatorDefinition, IndicatorId, ProgrammeGroupRow } from '../../../../electron/server/contract';
import type { CurrencyCode } from '../../../../electron/server/money/currency';
import { KIND, sortValue, TABLE_INDICATORS, type TableLine } from '../../programme-view';
import { IndicatorText } from './IndicatorText';

interface ProgrammeTableProps {
  readonly lines: readonly TableLine[];
  readonly currency: CurrencyCode;
  readonly definitions: readonly IndicatorDefinition[];
  readonly onOpenGroup: (groupId: string) => void;
  /** The coordinator notes a group's project and facilitator. */
  readonly onNote: (group: ProgrammeGroupRow) => void;
}

export function ProgrammeTable({ lines, currency, definitions, onOpenGroup, onNote }: ProgrammeTableProps) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const named = useMemo(() => new Map(definitions.map((d) => [d.id, d])), [definitions]);
  const columns = useMemo<ColumnDef<TableLine>[]>(() => [
    {
      id: 'name',
      header: t('programme.group'),
      accessorFn: (line) => line.label,
      cell: ({ row }) => {
        const line = row.original;
        if (line.group) {
          return (
            <span className={row.depth > 0 ? "programme__child" : undefined}>
              <button type="button" className="link" onClick={() => onOpenGroup(line.group!.id)}>{line.label}</button>
              <span className="programme__place">
                {[line.group.district, line.group.sector, line.group.project, line.group.facilitator].filter(Boolean).join(' · ')}{' '}
                <button type="button" className="link programme__note" onClick={() => onNote(line.group!)} aria-label={t('programme.noteTitle', { name: line.label })}>✎</button>
              </span>
            </span>
          );
        }
        return (
          <button type="button" className="link programme__rollup" aria-expanded={row.getIsExpanded()} onClick={row.getToggleExpandedHandler()}>
            {row.getIsExpanded() ? '▾' : '▸'} {line.label || t('programme.notNoted')} ({line.subRows?.length ?? 0})
          </button>
        );
      },
    },
    {
      id: 'cycle',
      header: t('programme.cycle'),
      enableSorting: false,
      cell: ({ row }) => {
        const g = row.original.group;
        return g?.cycleNo ? t('programme.cycleWeek', { number: g.cycleNo, week: (g.cycleWeeks ?? 0) + 1 }) : '';
      },
    },
    {
      id: 'lastFile',
      header: t('programme.lastFile'),
      accessorFn: (line) => line.group?.daysSinceImport,
      sortUndefined: 'last',
      cell: ({ row }) => {
        const g = row.original.group;
        return g ? t('programme.daysAgo', { count: g.daysSinceImport }) : '';
      },
    },
    {
      id: 'flags',
      header: t('programme.flags'),
      accessorFn: (line) => line.flags.length,
      cell: ({ row }) => (
        <ul className="programme__flags">
          {row.original.flags.map((f) => <li key={f} data-flag={f}>{t(`programme.flag.${f}`)}</li>)}
        </ul>
      ),
    },
    ...TABLE_INDICATORS.map((id: IndicatorId): ColumnDef<TableLine> => ({
      id,
      header: () => <abbr title={named.get(id)?.definition}>{named.get(id)?.name ?? id}</abbr>,
      accessorFn: (line) => sortValue(line.values?.[id] ?? null),
      sortUndefined: 'last',
      cell: ({ row }) => {
        const value = row.original.values?.[id] ?? null;
        const text = <IndicatorText value={value} kind={KIND[id]} currency={currency} />;
        // A rolled-up line's figure opens the groups behind it.
        return row.original.group ? text : <button type="button" className="link" onClick={row.getToggleExpandedHandler()}>{text}</button>;
      },
      meta: { numeric: true },
    })),
  ], [t, named, currency, onOpenGroup, onNote]);

  const table = useReactTable({
    data: lines as TableLine[],
    columns,
    state: { sorting, expanded },
    onSortingChange: setSorting,
    onExpandedChange: setExpanded,
    getSubRows: (line) => line.subRows,
    // Rows known by their group or place, not their position: what is open stays open, and only that, when the grouping or the quarter changes.
    getRowId: (line) => line.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getExpandedRowModel: getExpandedRowModel(),
  });

  return (
    <div className="table-wrap programme__table">
      <table className="table">
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => (
                <th
                  key={h.id}
                  className={(h.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? 'num' : undefined}
                  aria-sort={h.column.getIsSorted() === 'asc' ? 'ascending' : h.column.getIsSorted() === 'desc' ? 'descending' : undefined}
                >
                  {h.column.getCanSort() ? (
                    <button type="button" className="link programme__sort" onClick={h.column.getToggleSortingHandler()}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      {h.column.getIsSorted() === 'asc' ? ' ▲' : h.column.getIsSorted() === 'desc' ? ' ▼' : ''}
                    </button>
                  ) : flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-group={row.original.group?.id} className={row.original.group ? undefined : 'programme__rollup-row'}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={(cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric ? 'num' : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
