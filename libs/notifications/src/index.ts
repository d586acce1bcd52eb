export * from './notification.entity';
export * from './notifications.service';
export * from './welcome.notification';
export * from './notifications.module';
export * from './mail';
