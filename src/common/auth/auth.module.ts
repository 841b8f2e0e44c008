// Token issuing and checking for the whole app. The guard itself is registered in
// AppModule (APP_GUARD) where the identity module's PrincipalLoader is visible.
// The secret is handed to jsonwebtoken as a KeyObject made once: given a string, it tries
// (and fails) to parse it as a public key on every verify, which cost more than the rest
// of the guard together under load (see docs/benchmarks.md).

import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [TokenService],
  exports: [TokenService],
})
export class AuthModule {}
