import { Controller, Get, Header } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode, Public } from '@xp/core';

@Controller()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** 200 when the API answers and the database is reachable; 500 otherwise. */
  @Get('health')
  @Public()
  @Header('cache-control', 'no-store')
  async health() {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError(ErrorCode.INTERNAL, 'The database is not reachable.');
    }
    return { status: 'ok', database: 'ok', time: new Date().toISOString() };
  }
}
