// Create (GUEST or IOT) or edit a network. Browser-side checks first, then the API's; its
// VALIDATION_FAILED fields are shown next to the form. The passphrase field is a password
// input and starts empty on edit (empty keeps the stored one).

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';
import { checkNetworkForm, createInputOf, updateInputOf, type Band, type FormProblem, type NetworkFormValues, type NetworkLike, type SecurityMode } from './network-form';

const CreateNetwork = graphql(`
  mutation ConsoleCreateNetwork($locationId: ID!, $input: CreateWifiNetworkInput!, $key: String) {
    createWifiNetwork(locationId: $locationId, input: $input, idempotencyKey: $key) {
      id
    }
  }
`);

const UpdateNetwork = graphql(`
  mutation ConsoleUpdateNetwork($id: ID!, $input: UpdateWifiNetworkInput!) {
    updateWifiNetwork(id: $id, input: $input) {
      id
    }
  }
`);

const MODES: { value: SecurityMode; label: string }[] = [
  { value: 'WPA2_PSK', label: 'WPA2 (personal)' },
  { value: 'WPA2_WPA3', label: 'WPA2/WPA3 mixed' },
  { value: 'WPA3_SAE', label: 'WPA3 (SAE)' },
  { value: 'OPEN', label: 'Open (no passphrase)' },
];
const BANDS: { value: Band; label: string }[] = [
  { value: 'BAND_2_4G', label: '2.4 GHz' },
  { value: 'BAND_5G', label: '5 GHz' },
  { value: 'BAND_6G', label: '6 GHz' },
];

interface Props {
  initial: NetworkFormValues;
  /** Creating: the location. */
  locationId?: string;
  /** Editing: the network and its values as loaded. */
  networkId?: string;
  before?: NetworkLike;
  onDone(): void;
  onCancel(): void;
}

export function NetworkForm(props: Props) {
  const creating = props.networkId === undefined;
  const [values, setValues] = useState(props.initial);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [created, create] = useMutation(CreateNetwork);
  const [updated, update] = useMutation(UpdateNetwork);
  const id = useId();
  const set = <K extends keyof NetworkFormValues>(key: K, value: NetworkFormValues[K]): void => setValues((v) => ({ ...v, [key]: value }));
  const problemOf = (field: keyof NetworkFormValues): string | undefined => problems.find((p) => p.field === field)?.message;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const found = checkNetworkForm(values, creating);
    setProblems(found);
    if (found.length > 0) return;
    const result =
      creating && props.locationId !== undefined
        ? await create({ locationId: props.locationId, input: createInputOf(values), key: idempotencyKey })
        : await update({ id: props.networkId ?? '', input: updateInputOf(props.before ?? { ...values, vlanId: null }, values) });
    if (result.error === undefined) props.onDone();
  };

  const field = (name: keyof NetworkFormValues): { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string } => {
    const invalid = problemOf(name) !== undefined;
    return { id: `${id}-${name}`, ...(invalid ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${name}-problem` } : {}) };
  };
  const note = (name: keyof NetworkFormValues) =>
    problemOf(name) !== undefined ? (
      <span id={`${id}-${name}-problem`} className="field-problem">
        {problemOf(name)}
      </span>
    ) : null;

  return (
    <form className="network-form card" onSubmit={(e) => void submit(e)} aria-label={creating ? 'New network' : `Edit ${props.initial.ssid}`} noValidate>
      <h3>{creating ? 'New network' : `Edit ${props.initial.ssid}`}</h3>
      <div className="form-grid">
        {creating && (
          <>
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select {...field('kind')} value={values.kind} onChange={(e) => set('kind', e.target.value as NetworkFormValues['kind'])}>
              <option value="GUEST">Guest</option>
              <option value="IOT">IoT</option>
            </select>
          </>
        )}
        <label htmlFor={`${id}-ssid`}>SSID</label>
        <div>
          <input {...field('ssid')} value={values.ssid} maxLength={32} onChange={(e) => set('ssid', e.target.value)} autoFocus />
          {note('ssid')}
        </div>
        <label htmlFor={`${id}-securityMode`}>Security</label>
        <select {...field('securityMode')} value={values.securityMode} onChange={(e) => set('securityMode', e.target.value as SecurityMode)}>
          {MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
        {values.securityMode !== 'OPEN' && (
          <>
            <label htmlFor={`${id}-passphrase`}>{creating ? 'Passphrase' : 'New passphrase (empty: keep)'}</label>
            <div>
              <input {...field('passphrase')} type="password" autoComplete="new-password" value={values.passphrase} onChange={(e) => set('passphrase', e.target.value)} />
              {note('passphrase')}
            </div>
          </>
        )}
        <span className="label">Bands</span>
        <fieldset className="inline">
          <legend className="visually-hidden">Bands (none chosen: every band the security mode allows)</legend>
          {BANDS.map((b) => (
            <label key={b.value}>
              <input
                type="checkbox"
                checked={values.bands.includes(b.value)}
                onChange={(e) => set('bands', e.target.checked ? [...values.bands, b.value] : values.bands.filter((x) => x !== b.value))}
              />{' '}
              {b.label}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-vlanId`}>VLAN id (optional)</label>
        <div>
          <input {...field('vlanId')} inputMode="numeric" value={values.vlanId} onChange={(e) => set('vlanId', e.target.value)} />
          {note('vlanId')}
        </div>
        <span className="label">Options</span>
        <fieldset className="inline">
          <legend className="visually-hidden">Options</legend>
          <label>
            <input type="checkbox" checked={values.enabled} onChange={(e) => set('enabled', e.target.checked)} /> On
          </label>
          <label>
            <input type="checkbox" checked={values.hidden} onChange={(e) => set('hidden', e.target.checked)} /> Hidden SSID
          </label>
          <label>
            <input type="checkbox" checked={values.clientIsolation} onChange={(e) => set('clientIsolation', e.target.checked)} /> Isolate clients
          </label>
        </fieldset>
      </div>
      <ErrorNote error={created.error ?? updated.error} />
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={created.fetching || updated.fetching}>
          {creating ? 'Create network' : 'Save'}
        </button>
      </div>
    </form>
  );
}
