export * from './dto/report.types';
export * from './report-figures.service';
export * from './report.workbook';
export * from './reports.access';
export * from './reports.module';
export * from './reports.rules';
export * from './reports.service';
export * from './rollups.service';

