import { loadConfig } from './config';
import { serve } from './serve';

serve(loadConfig()).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
