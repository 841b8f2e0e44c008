// A scratch card's period as typed: a whole number and its unit (a new batch's period, a
// batch's extension). The caller holds both and reads them with periodMinutes.

import { PERIOD_UNITS, type PeriodUnit } from './scratch-cards';

export function PeriodInput({ label, amount, unit, onAmount, onUnit }: { label: string; amount: string; unit: PeriodUnit; onAmount(amount: string): void; onUnit(unit: PeriodUnit): void }) {
  return (
    <>
      <label>
        {label} <input inputMode="numeric" value={amount} onChange={(e) => onAmount(e.target.value)} />
      </label>
      <label>
        Unit{' '}
        <select value={unit} onChange={(e) => onUnit(e.target.value as PeriodUnit)}>
          {PERIOD_UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
