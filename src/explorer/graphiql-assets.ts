// The files of the GraphiQL page, all from npm packages installed with the controller, so
// the explorer works on a network without internet access (no CDN). The page itself and
// its start script are written here; React 18 is the last React with browser (UMD) builds,
// which GraphiQL 3's own browser build expects as globals.

import { dirname, join } from 'node:path';

export interface Asset {
  file: string;
  contentType: string;
}

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Served under /graphiql/assets/<name>; nothing else is. */
export function graphiqlAssets(): ReadonlyMap<string, Asset> {
  const js = 'text/javascript; charset=utf-8';
  return new Map<string, Asset>([
    ['react.production.min.js', { file: join(packageDir('react'), 'umd', 'react.production.min.js'), contentType: js }],
    ['react-dom.production.min.js', { file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'), contentType: js }],
    ['graphiql.min.js', { file: join(packageDir('graphiql'), 'graphiql.min.js'), contentType: js }],
    ['graphiql.min.css', { file: join(packageDir('graphiql'), 'graphiql.min.css'), contentType: 'text/css; charset=utf-8' }],
  ]);
}

/** No inline script: a Content-Security-Policy of script-src 'self' lets the page run. */
export const GRAPHIQL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>GraphiQL - OpenSync controller</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.min.css">
<style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL...</div>
<script src="/graphiql/assets/react.production.min.js"></script>
<script src="/graphiql/assets/react-dom.production.min.js"></script>
<script src="/graphiql/assets/graphiql.min.js"></script>
<script src="/graphiql/assets/start.js"></script>
</body>
</html>
`;

/**
 * Queries and mutations over HTTP, subscriptions over graphql-ws on the same path. The
 * Headers pane's {"authorization": "Bearer <token>"} goes with both (graphql-ws sends it as
 * connectionParams, where the server reads it).
 */
export const GRAPHIQL_START_SCRIPT = `(function () {
  var ws = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';
  var fetcher = GraphiQL.createFetcher({ url: '/graphql', subscriptionUrl: ws });
  var defaultHeaders = JSON.stringify({ authorization: 'Bearer <token from the login mutation>' }, null, 2);
  var defaultQuery = 'mutation Login {\\n  login(email: "you@example.com", password: "...") { token expiresAt }\\n}\\n';
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultHeaders: defaultHeaders, defaultQuery: defaultQuery, shouldPersistHeaders: false }),
  );
})();
`;
