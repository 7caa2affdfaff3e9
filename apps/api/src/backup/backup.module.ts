import { Module } from '@nestjs/common';
import { CheckpointsModule } from '../checkpoints/checkpoints.module';
import { BackupController } from './backup.controller';

@Module({ imports: [CheckpointsModule], controllers: [BackupController] })
export class BackupModule {}
