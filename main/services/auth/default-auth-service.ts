// The AuthService the CLI and the app use: the real keychain, the shared user-data folder.
import { defaultAppPaths } from '../app-paths.ts';
import { AuthService } from './auth-service.ts';
import { KeychainSecretStore } from './keychain-secret-store.ts';
import { xAuthEndpoints } from './x-auth-endpoints.ts';

export function createAuthService(env: NodeJS.ProcessEnv = process.env, userData?: string): AuthService {
  return new AuthService({
    userData: userData ?? defaultAppPaths(env).userData,
    secrets: new KeychainSecretStore(),
    endpoints: xAuthEndpoints(env),
  });
}
