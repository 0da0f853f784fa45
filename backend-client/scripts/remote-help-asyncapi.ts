// Writes backend-client/remote-help.asyncapi.yaml from the zod schemas (see src/remote-help/asyncapi-document.ts).
import { writeFileSync } from 'node:fs';
import { REMOTE_HELP_ASYNCAPI_FILE, renderRemoteHelpAsyncApi } from '../src/remote-help/asyncapi-document';

writeFileSync(REMOTE_HELP_ASYNCAPI_FILE, renderRemoteHelpAsyncApi());
console.log(`wrote ${REMOTE_HELP_ASYNCAPI_FILE}`);
