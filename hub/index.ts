/**
 * The hub's entry for the command line (cli/commands/hub-*.ts import this file only): start a server, run an
 * admin operation. Everything else in hub/ is reached from here or from the server.
 */
export { type AdminRequest, HubAdminError, runAdmin } from './admin/admin-target.js';
export { AdminInputError } from './admin/operations.js';
export { DatabaseFullError, DatabaseLockedError, DatabaseUnavailableError } from './db/errors.js';
export { type NetbootSettings, prepareNetboot } from './netboot/start-netboot.js';
export { type RunningHub, startHub } from './serve.js';
export { type HubSettings, parseListen, resolveHubDataDir } from './settings.js';
export { ROLES, type Role } from './store/users.js';
