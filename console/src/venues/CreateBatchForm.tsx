// A new scratch-card batch (admins): issued to the property's customer account, 1 to 64
// single-use guest keys for every location of the pool, each working for its period from
// its first use.

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';
import { CustomerPicker, type PickedCustomer } from './CustomerPicker';
import { PeriodInput } from './PeriodInput';
import { cardCountProblem, periodMinutes, type PeriodUnit } from './scratch-cards';

const Create = graphql(`
  mutation ConsoleCreateScratchCards($input: CreateScratchCardsInput!) {
    createScratchCards(input: $input) {
      id
      name
    }
  }
`);
export function CreateBatchForm({ poolId, groupId, onDone }: { poolId: string; groupId: string; onDone(created: boolean): void }) {
  const [customer, setCustomer] = useState<PickedCustomer | undefined>();
  const [name, setName] = useState('');
  const [count, setCount] = useState('10');
  const [amount, setAmount] = useState('24');
  const [unit, setUnit] = useState<PeriodUnit>('hours');
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
        <PeriodInput label="Each works for" amount={amount} unit={unit} onAmount={setAmount} onUnit={setUnit} />
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
