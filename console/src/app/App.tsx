// The frame: a bar with the search, the navigation and who is signed in; the page of the
// current route below it. Signed out: the login page. Session expired: a login dialog over
// the page, which stays as it was.

import { useEffect, useRef, useState } from 'react';
import { LoginForm } from '../auth/LoginForm';
import { seesGroupPages } from '../auth/session';
import { useSession } from '../auth/SessionContext';
import { SearchBox } from '../search/SearchBox';
import { matchRoute, pathOfHash } from './router';
import { ROUTES } from './routes';

/** The whole fragment (a page may read its query part), so that any change re-renders. */
function useHash(): string {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

const ROLE_NAMES = { PLATFORM_ADMIN: 'platform admin', GROUP_ADMIN: 'group admin', GROUP_SUPPORT: 'support', VENUE_MANAGER: 'venue manager' } as const;

export function App() {
  const { session, expired, signOut } = useSession();
  const path = pathOfHash(useHash());
  const main = useRef<HTMLElement>(null);
  // A new page: focus its main region, so keyboard and screen-reader users start there.
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [path]);

  if (session === undefined) {
    return (
      <main className="login-page">
        <h1>Support console</h1>
        <p className="sub">OpenSync controller</p>
        <LoginForm autoFocus />
      </main>
    );
  }
  const role = session.user.role;
  const visible = ROUTES.filter((r) => r.roles === undefined || r.roles.includes(role));
  const current = visible.map((r) => ({ route: r, params: matchRoute(r.path, path) })).find((m) => m.params !== undefined);
  const Page = current?.route.component;
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="#/">
          Support console
        </a>
        {seesGroupPages(role) && <SearchBox />}
        <nav aria-label="Main">
          <ul>
            {visible
              .filter((r) => r.nav !== undefined)
              .map((r) => (
                <li key={r.path}>
                  <a href={`#${r.path}`} aria-current={current?.route === r ? 'page' : undefined}>
                    {r.nav}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <div className="who">
          <span title={session.user.email}>{session.user.email}</span>
          <span className="role">{ROLE_NAMES[role]}</span>
          <button type="button" onClick={signOut}>
            Log out
          </button>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} aria-hidden={expired ? true : undefined}>
        {Page !== undefined && current?.params !== undefined ? <Page params={current.params} /> : <NotFound />}
      </main>
      {expired && <ExpiredDialog email={session.user.email} onLogout={signOut} />}
    </>
  );
}

function NotFound() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        <a href="#/">Back to search</a>
      </p>
    </section>
  );
}

function ExpiredDialog({ email, onLogout }: { email: string; onLogout(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (ref.current !== null && !ref.current.open) ref.current.showModal();
    // showModal focuses the first control (the fixed email): the password is what to type.
    ref.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="expired-title" onCancel={(e) => e.preventDefault()}>
      <h2 id="expired-title">Your session has ended</h2>
      <p>Log in again to carry on. What you typed on the page is kept.</p>
      <LoginForm fixedEmail={email} autoFocus />
      <button type="button" className="link" onClick={onLogout}>
        Log in as someone else
      </button>
    </dialog>
  );
}
