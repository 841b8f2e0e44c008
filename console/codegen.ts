// Types of every query the console sends, generated from the committed schema.graphql:
// a field renamed or removed in the API fails this step, and with it the build.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: { enumsAsTypes: true, scalars: { DateTime: 'string', JSON: 'unknown' }, useTypeImports: true },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
