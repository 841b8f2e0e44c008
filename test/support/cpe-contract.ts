// The reference CPE Management contract (OpenAPI 3.0.3, ../shared/specs relative to the
// repository) as ajv validators of its component schemas. A fresh clone has no such
// file: then `referenceContract()` is undefined and the contract tests skip, saying so.

import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CONTRACT_PATH = process.env.CPE_CONTRACT_PATH ?? resolve(__dirname, '..', '..', '..', 'shared', 'specs', 'cpe-management-api.yaml');

export interface Contract {
  /** Problems of `body` against `#/components/schemas/<name>` (empty: it conforms). */
  problems(name: string, body: unknown): string[];
}

function contractOf(document: object): Contract {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['double', 'float', 'int32', 'int64']) ajv.addFormat(format, () => true);
  ajv.addSchema(document, 'contract');
  const validators = new Map<string, ValidateFunction>();
  return {
    problems(name, body) {
      let validate = validators.get(name);
      if (validate === undefined) {
        validate = ajv.getSchema(`contract#/components/schemas/${name}`);
        if (validate === undefined) throw new Error(`the contract has no schema ${name}`);
        validators.set(name, validate);
      }
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
    },
  };
}

export function referenceContract(): Contract | undefined {
  if (!existsSync(CONTRACT_PATH)) return undefined;
  return contractOf(load(readFileSync(CONTRACT_PATH, 'utf8')) as object);
}

/** The project's own OpenAPI document as a contract (always available). */
export function ownContract(document: object): Contract {
  return contractOf(document);
}
