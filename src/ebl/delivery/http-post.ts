// One notification POST with node's http/https client and keep-alive agents (one per
// scheme, shared by every provider): measured several times cheaper per request than the
// global fetch on the same machine (docs/ebl.md, benchmarks). Resolves with the status;
// redirects are not followed (a 3xx is a failed attempt). The answer's body is drained and
// dropped.

import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

export function postJson(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number> {
  const target = new URL(url);
  const https = target.protocol === 'https:';
  const payload = Buffer.from(body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        agent: https ? httpsAgent : httpAgent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length) },
        signal,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
