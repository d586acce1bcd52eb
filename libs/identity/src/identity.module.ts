import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountRecoveryService } from './account-tokens/account-recovery.service';
import { AccountTokenEntity } from './account-tokens/account-token.entity';
import { AuditLogEntity } from './audit/audit-log.entity';
import { AuditLogService } from './audit/audit-log.service';
import { AuthService } from './auth.service';
import { LoginProtectionService } from './login-protection.service';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { RefreshTokenEntity } from './refresh-token.entity';
import { IdentityRedis } from './sessions/identity-redis';
import { SessionStateService } from './sessions/session-state.service';
import { TokenService } from './token.service';
import { TotpService } from './totp.service';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const PROVIDERS = [
  PasswordHasher,
  PasswordPolicy,
  TokenService,
  TotpService,
  UsersRepository,
  UsersService,
  AuthService,
  AuditLogService,
  IdentityRedis,
  SessionStateService,
  LoginProtectionService,
  AccountRecoveryService,
];

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity, AuditLogEntity, AccountTokenEntity]), JwtModule.register({})],
  providers: PROVIDERS,
  exports: PROVIDERS,
})
export class IdentityModule {}
