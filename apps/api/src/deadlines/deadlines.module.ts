import { Module } from '@nestjs/common';
import { ListDeadlinesHandler } from './deadline.queries';
import { DeadlinesResolver } from './deadlines.resolver';

@Module({ providers: [ListDeadlinesHandler, DeadlinesResolver] })
export class DeadlinesModule {}
