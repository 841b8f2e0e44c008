// Email and password against the login mutation. Used as the login page and, when a session
// expires, inside the dialog over the page (then the email is fixed to the same user).

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { apiProblem } from '../api/errors';
import { LoginMutation, useSession } from './SessionContext';
import { isUserRole } from './session';

export function LoginForm({ fixedEmail, autoFocus }: { fixedEmail?: string; autoFocus?: boolean }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | undefined>();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const id = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setMessage(undefined);
    const result = await login({ email: email.trim(), password });
    const data = result.data?.login;
    if (data !== undefined && data !== null && isUserRole(data.user.role)) {
      setPassword('');
      signIn({ token: data.token, expiresAt: data.expiresAt, user: { id: data.user.id, email: data.user.email, role: data.user.role } });
      return;
    }
    const problem = apiProblem(result.error);
    // The login mutation answers a wrong email or password with UNAUTHENTICATED.
    setMessage(problem?.code === 'UNAUTHENTICATED' ? 'Wrong email or password.' : (problem?.message ?? 'Login failed.'));
  };

  return (
    <form className="login-form" onSubmit={(e) => void submit(e)} aria-describedby={message !== undefined ? `${id}-error` : undefined}>
      <label htmlFor={`${id}-email`}>Email</label>
      <input
        id={`${id}-email`}
        type="email"
        autoComplete="username"
        required
        value={email}
        readOnly={fixedEmail !== undefined}
        autoFocus={autoFocus && fixedEmail === undefined}
        onChange={(e) => setEmail(e.target.value)}
      />
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        autoFocus={autoFocus && fixedEmail !== undefined}
        onChange={(e) => setPassword(e.target.value)}
      />
      <p id={`${id}-error`} className="form-error" role="alert">
        {message ?? ''}
      </p>
      <button type="submit" className="primary" disabled={fetching}>
        {fetching ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
