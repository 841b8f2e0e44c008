// The support console served at / (docs/console.md).

import { Module } from '@nestjs/common';
import { ConsoleRoutes } from './console-routes';

@Module({ providers: [ConsoleRoutes] })
export class ConsoleModule {}
