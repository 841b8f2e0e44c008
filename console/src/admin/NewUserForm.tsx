// Creating a user: platform admins any role, group admins support users of their groups
// (the API enforces the same; the form offers only what the role may create).

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { Role } from '../auth/session';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';

const CreateUser = graphql(`
  mutation ConsoleCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      email
    }
  }
`);

export const MIN_PASSWORD_LENGTH = 12;

export function NewUserForm({ callerRole, groups, onCreated }: { callerRole: Role; groups: readonly { id: string; name: string }[]; onCreated(): void }) {
  const roles: Role[] = callerRole === 'PLATFORM_ADMIN' ? ['GROUP_SUPPORT', 'VENUE_MANAGER', 'GROUP_ADMIN', 'PLATFORM_ADMIN'] : ['GROUP_SUPPORT', 'VENUE_MANAGER'];
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('GROUP_SUPPORT');
  const [groupIds, setGroupIds] = useState<string[]>(groups.length === 1 ? [groups[0].id] : []);
  const [problem, setProblem] = useState<string | undefined>();
  const [{ fetching, error }, create] = useMutation(CreateUser);
  const id = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) return setProblem(`The password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (role !== 'PLATFORM_ADMIN' && groupIds.length === 0) return setProblem('Choose at least one group.');
    setProblem(undefined);
    const result = await create({ input: { email: email.trim(), password, role, groupIds: role === 'PLATFORM_ADMIN' ? [] : groupIds } });
    if (result.error === undefined) {
      setEmail('');
      setPassword('');
      onCreated();
    }
  };

  return (
    <form className="card network-form" onSubmit={(e) => void submit(e)} aria-label="New user" noValidate>
      <h2>New user</h2>
      <div className="form-grid">
        <label htmlFor={`${id}-email`}>Email</label>
        <input id={`${id}-email`} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor={`${id}-password`}>Initial password</label>
        <input id={`${id}-password`} type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r.toLowerCase().replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        {role !== 'PLATFORM_ADMIN' && (
          <>
            <span className="label">Groups</span>
            <fieldset className="inline">
              <legend className="visually-hidden">Groups</legend>
              {groups.map((g) => (
                <label key={g.id}>
                  <input
                    type="checkbox"
                    checked={groupIds.includes(g.id)}
                    onChange={(e) => setGroupIds(e.target.checked ? [...groupIds, g.id] : groupIds.filter((x) => x !== g.id))}
                  />
                  {g.name}
                </label>
              ))}
            </fieldset>
          </>
        )}
      </div>
      {problem !== undefined && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={error} />
      <button type="submit" className="primary" disabled={fetching}>
        Create user
      </button>
    </form>
  );
}
