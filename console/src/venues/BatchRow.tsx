// One scratch-card batch: its cards unused, in use and ended, each card's period; admins
// download its CSV, extend it or invalidate it, each confirmed first.

import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { Badge, ConfirmDialog, ErrorNote, formatTime } from '../ui/ui';
import { DownloadCsv } from './DownloadCsv';
import { PeriodInput } from './PeriodInput';
import { batchCounts, minutesWords, periodMinutes, type PeriodUnit } from './scratch-cards';

const Extend = graphql(`mutation ConsoleExtendScratchCards($id: ID!, $minutes: Int!) { extendScratchCards(id: $id, validForMinutes: $minutes) { id validForMinutes } }`);
const Invalidate = graphql(`mutation ConsoleInvalidateScratchCards($id: ID!) { invalidateScratchCards(id: $id) { id invalidatedAt } }`);

export interface BatchView {
  id: string;
  name: string;
  validForMinutes: number;
  createdAt: string;
  invalidatedAt?: string | null;
  cards: readonly { id: string; keyName: string; state: string; firstUsedAt?: string | null }[];
}

export function BatchRow({ batch, editable, onChanged }: { batch: BatchView; editable: boolean; onChanged(): void }) {
  const [pending, setPending] = useState<'extend' | 'invalidate' | undefined>();
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<PeriodUnit>('hours');
  const [problem, setProblem] = useState<string | undefined>();
  const [extended, extend] = useMutation(Extend);
  const [invalidated, invalidate] = useMutation(Invalidate);
  const counts = batchCounts(batch.cards);
  const over = batch.invalidatedAt != null;
  const confirm = async (): Promise<void> => {
    if (pending === 'extend') {
      const period = periodMinutes(amount, unit);
      if ('problem' in period) {
        setProblem(`The period must be ${period.problem}.`);
        return;
      }
      if ((await extend({ id: batch.id, minutes: period.minutes })).data !== undefined) onChanged();
    } else if (pending === 'invalidate') {
      if ((await invalidate({ id: batch.id })).data !== undefined) onChanged();
    }
    setPending(undefined);
    setProblem(undefined);
  };
  return (
    <tr data-batch={batch.name} data-invalidated={over ? 'yes' : 'no'}>
      <th scope="row">
        {batch.name} {over && <Badge tone="bad">invalidated {formatTime(batch.invalidatedAt)}</Badge>}
      </th>
      <td>
        {counts.total}: {counts.unused} unused, {counts.inUse} in use, {counts.ended} ended
      </td>
      <td>{minutesWords(batch.validForMinutes)} from first use</td>
      <td>{formatTime(batch.createdAt)}</td>
      {editable && (
        <td>
          <div className="actions" role="group" aria-label={`Actions on ${batch.name}`}>
            <DownloadCsv batchId={batch.id} batchName={batch.name} />
            {!over && (
              <>
                <button type="button" className="small" onClick={() => setPending('extend')}>
                  Extend
                </button>
                <button type="button" className="small" onClick={() => setPending('invalidate')}>
                  Invalidate
                </button>
              </>
            )}
          </div>
          <ErrorNote error={extended.error ?? invalidated.error} />
          {pending !== undefined && (
            <ConfirmDialog
              title={pending === 'extend' ? `Extend ${batch.name}?` : `Invalidate ${batch.name}?`}
              confirmLabel={pending === 'extend' ? 'Extend' : 'Invalidate'}
              danger={pending === 'invalidate'}
              busy={extended.fetching || invalidated.fetching}
              onCancel={() => {
                setPending(undefined);
                setProblem(undefined);
              }}
              onConfirm={() => void confirm()}
            >
              {pending === 'extend' ? (
                <>
                  <p>Every card gets the new period from its first use; a card already used ends at its first use plus the new period.</p>
                  <div className="filters">
                    <PeriodInput label="New period" amount={amount} unit={unit} onAmount={setAmount} onUnit={setUnit} />
                  </div>
                  {problem !== undefined && (
                    <p className="error-note" role="alert">
                      {problem}
                    </p>
                  )}
                </>
              ) : (
                <p>Every card of the batch is revoked: taken off the devices, and the guests using one are disconnected. This cannot be undone.</p>
              )}
            </ConfirmDialog>
          )}
        </td>
      )}
    </tr>
  );
}
