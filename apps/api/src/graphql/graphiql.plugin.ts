import { ApolloServerPlugin } from '@apollo/server';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/** GraphiQL with its scripts inlined, served at /graphql to browsers: no CDN, works offline. */
export function graphiqlLandingPage(): ApolloServerPlugin {
  const html = renderGraphiQL({ endpoint: '/graphql', title: 'GDPR compliance ledger' });
  return {
    async serverWillStart() {
      return { renderLandingPage: async () => ({ html }) };
    },
  };
}
