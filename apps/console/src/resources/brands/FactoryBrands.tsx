export { FactoryBrands } from './BrandViews';
