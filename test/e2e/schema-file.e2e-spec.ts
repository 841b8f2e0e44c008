// The committed schema.graphql is the schema the server serves (API changes show up in
// review).

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_COMMAND, SCHEMA_FILE, schemaSdl } from '../../src/schema-file/schema-sdl';
import { useTestApp } from './support';

describe('schema.graphql', () => {
  const t = useTestApp('sqlite');

  it('is the schema the server serves', () => {
    const served = schemaSdl(t.current.app.get(GraphQLSchemaHost).schema);
    const committed = readFileSync(join(__dirname, '..', '..', SCHEMA_FILE), 'utf8');
    if (served !== committed) {
      throw new Error(`${SCHEMA_FILE} differs from the schema in the code: run \`${SCHEMA_COMMAND}\` and commit the file`);
    }
  });
});
