// A pool's scratch-card batches: how many cards are unused, in use, ended; admins create a
// batch (issued to the property's customer account), download its CSV, extend it (a new
// period from each card's first use) or invalidate it (every card revoked). Support reads.

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { Badge, ConfirmDialog, ErrorNote, formatTime } from '../ui/ui';
import { CustomerPicker, type PickedCustomer } from './CustomerPicker';
import { DownloadCsv } from './DownloadCsv';
import { batchCounts, cardCountProblem, minutesWords, periodMinutes } from './scratch-cards';

const Create = graphql(`
  mutation ConsoleCreateScratchCards($input: CreateScratchCardsInput!) {
    createScratchCards(input: $input) {
      id
      name
    }
  }
`);
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

type Unit = 'minutes' | 'hours' | 'days';

export function ScratchCards({ poolId, groupId, batches, editable, onChanged }: { poolId: string; groupId: string; batches: readonly BatchView[]; editable: boolean; onChanged(): void }) {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="section-head">
        <h2>Scratch cards</h2>
        {editable && !creating && (
          <button type="button" onClick={() => setCreating(true)}>
            New batch
          </button>
        )}
      </div>
      {creating && (
        <CreateBatchForm
          poolId={poolId}
          groupId={groupId}
          onDone={(created) => {
            setCreating(false);
            if (created) onChanged();
          }}
        />
      )}
      <div className="table-wrap">
        <table aria-label="Scratch card batches">
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Cards</th>
              <th scope="col">Each works</th>
              <th scope="col">Created</th>
              {editable && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <BatchRow key={b.id} batch={b} editable={editable} onChanged={onChanged} />
            ))}
            {batches.length === 0 && (
              <tr>
                <td colSpan={editable ? 5 : 4}>No scratch card batch in this pool.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

function BatchRow({ batch, editable, onChanged }: { batch: BatchView; editable: boolean; onChanged(): void }) {
  const [pending, setPending] = useState<'extend' | 'invalidate' | undefined>();
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<Unit>('hours');
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
                    <label>
                      New period <input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
                    </label>
                    <label>
                      Unit{' '}
                      <select value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
                        <option value="minutes">minutes</option>
                        <option value="hours">hours</option>
                        <option value="days">days</option>
                      </select>
                    </label>
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

function CreateBatchForm({ poolId, groupId, onDone }: { poolId: string; groupId: string; onDone(created: boolean): void }) {
  const [customer, setCustomer] = useState<PickedCustomer | undefined>();
  const [name, setName] = useState('');
  const [count, setCount] = useState('10');
  const [amount, setAmount] = useState('24');
  const [unit, setUnit] = useState<Unit>('hours');
  const [problems, setProblems] = useState<string[]>([]);
  const [result, create] = useMutation(Create);
  const id = useId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const found: string[] = [];
    const countProblem = cardCountProblem(count);
    if (countProblem !== undefined) found.push(`Cards: ${countProblem}.`);
    const period = periodMinutes(amount, unit);
    if ('problem' in period) found.push(`Each card works: ${period.problem}.`);
    if (name.trim() === '') found.push('Give the batch a name (it is printed on the cards).');
    setProblems(found);
    if (found.length > 0 || customer === undefined || 'problem' in period) return;
    const answer = await create({ input: { poolId, customerId: customer.id, name: name.trim(), count: Number(count), validForMinutes: period.minutes } });
    if (answer.data !== undefined) onDone(true);
  };
  return (
    <form className="card form-card" onSubmit={(e) => void submit(e)} aria-label="New scratch card batch">
      <h3>New scratch card batch</h3>
      <p className="muted">Single-use guest keys for every location of the pool, each working for its period from the first time a device joins with it.</p>
      <CustomerPicker groupId={groupId} label="Issued to (the property's account)" value={customer} onChange={setCustomer} />
      <div className="filters">
        <label>
          Name <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <label>
          Cards (1 to 64) <input inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
        </label>
        <label>
          Each works for <input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label>
          Unit{' '}
          <select value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
            <option value="minutes">minutes</option>
            <option value="hours">hours</option>
            <option value="days">days</option>
          </select>
        </label>
      </div>
      {problems.length > 0 && (
        <ul className="error-note" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={customer === undefined || result.fetching}>
          Create cards
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      <ErrorNote error={result.error} />
    </form>
  );
}
