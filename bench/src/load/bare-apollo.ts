import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

/**
 * The baseline of the framework-overhead ratio: Apollo Server 5 on Express 5 with one field,
 * no Nest, no validation, no logging, no metrics. Prints "listening <port>" once it serves.
 */
async function main() {
  const server = new ApolloServer({
    typeDefs: 'type Query { verifierKey: String! }',
    resolvers: { Query: { verifierKey: () => 'bench+00000000+AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=' } },
  });
  await server.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(server));
  const listener = app.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
    const address = listener.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : ''}\n`);
  });
}

void main();
