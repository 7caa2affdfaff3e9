import { Module } from '@nestjs/common';
import { SubprocessorCommandHandler } from './subprocessor.commands';
import { GetSubprocessorHandler, ListSubprocessorsForControllerHandler } from './subprocessor.queries';
import { SubprocessorsResolver } from './subprocessors.resolver';

@Module({
  providers: [SubprocessorCommandHandler, GetSubprocessorHandler, ListSubprocessorsForControllerHandler, SubprocessorsResolver],
})
export class SubprocessorsModule {}
