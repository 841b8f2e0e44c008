// The committed schema.graphql is the schema the server serves (API changes show up in
// review), and every part of the API a client sees is described.

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isInputObjectType, isInterfaceType, isObjectType, isIntrospectionType, GraphQLNamedType, isSpecifiedScalarType } from 'graphql';
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

  it('describes every type, field, argument and operation', () => {
    const missing = undescribed(Object.values(t.current.app.get(GraphQLSchemaHost).schema.getTypeMap()));
    expect(missing).toEqual([]);
  });
});

function undescribed(types: GraphQLNamedType[]): string[] {
  const missing: string[] = [];
  const check = (path: string, description: string | null | undefined): void => {
    if (description == null || description.trim() === '') missing.push(path);
  };
  for (const type of types) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!['Query', 'Mutation', 'Subscription'].includes(type.name)) check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    }
  }
  return missing.sort();
}
