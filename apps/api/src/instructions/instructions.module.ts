import { Module } from '@nestjs/common';
import { InstructionCommandHandler } from './instruction.commands';
import { GetInstructionHandler, ListInstructionsHandler } from './instruction.queries';
import { InstructionsResolver } from './instructions.resolver';

@Module({
  providers: [InstructionCommandHandler, GetInstructionHandler, ListInstructionsHandler, InstructionsResolver],
})
export class InstructionsModule {}
