import { Module } from '@nestjs/common';
import { BreachCommandHandler } from './breach.commands';
import { GetBreachHandler, ListBreachesHandler } from './breach.queries';
import { BreachesResolver } from './breaches.resolver';

@Module({
  providers: [BreachCommandHandler, GetBreachHandler, ListBreachesHandler, BreachesResolver],
})
export class BreachesModule {}
