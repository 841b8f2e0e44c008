import { graphqlAnswered, GraphqlAnswer, listenToGraphqlAnswers, noteAnswerErrorCode } from './graphql-answers';

describe('GraphQL answers', () => {
  it('reach the listener of the root server from a plugin context, with the first error code noted', () => {
    const root = {};
    const pluginContext = Object.create(root) as object;
    const answers: GraphqlAnswer[] = [];
    listenToGraphqlAnswers(root, (a) => answers.push(a));
    const failed = { server: pluginContext };
    noteAnswerErrorCode(failed, 'UNAUTHENTICATED');
    noteAnswerErrorCode(failed, 'INTERNAL');
    graphqlAnswered({ body: { query: 'query WhoAmI { me { id } }' } }, failed);
    graphqlAnswered({ query: { query: '{ __typename }' } }, { server: pluginContext });
    graphqlAnswered({ body: null }, { server: pluginContext });
    expect(answers).toEqual([
      { source: 'query WhoAmI { me { id } }', errorCode: 'UNAUTHENTICATED' },
      { source: '{ __typename }', errorCode: undefined },
      { source: undefined, errorCode: undefined },
    ]);
  });

  it('go nowhere without a listener', () => {
    expect(() => graphqlAnswered({ body: { query: '{ a }' } }, { server: {} })).not.toThrow();
  });
});
