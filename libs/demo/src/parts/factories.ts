import { loadPrincipal } from '@xp/access';
import { AuditService } from '@xp/audit';
import { CategoriesService, ProductsService, SkusService, withGtin13CheckDigit } from '@xp/catalog';
import { RequestContext } from '@xp/core';
import {
  AdmissionsService,
  BrandDecision,
  BrandsService,
  DocumentKind,
  DocumentsService,
  RegistrationService,
  ReviewDecision,
  tinyPdf,
  tinyPng,
} from '@xp/factories';
import { OrganizationsService, VenuesService } from '@xp/venues';
import { DEMO_PASSWORD, DemoPart, DemoRefs } from '../demo.types';
import { creditCode } from './parties';

interface DemoSku {
  code: string;
  attributes: Record<string, string>;
}

interface DemoProduct {
  key: string;
  titleZh: string;
  titleEn: string;
  category: string;
  brand?: boolean;
  description: string;
  packSize: number;
  moq: number;
  weightGrams: number;
  unit: string;
  skus: DemoSku[];
}

const KNITWEAR: DemoProduct[] = [
  {
    key: 'YN-SC-001',
    titleZh: '豫暖羊毛针织围巾',
    titleEn: 'Yunuan wool knitted scarf',
    category: 'APPAREL-SCARF',
    brand: true,
    description: '70%羊毛，长180cm，冬季保暖。',
    packSize: 6,
    moq: 12,
    weightGrams: 180,
    unit: '条',
    skus: [
      { code: 'YN-SC-001-RED', attributes: { 颜色: '中国红', 尺码: '均码' } },
      { code: 'YN-SC-001-GRY', attributes: { 颜色: '雾霾灰', 尺码: '均码' } },
      { code: 'YN-SC-001-NVY', attributes: { 颜色: '藏青', 尺码: '均码' } },
    ],
  },
  {
    key: 'YN-HT-002',
    titleZh: '豫暖加厚毛线帽',
    titleEn: 'Yunuan thick knitted beanie',
    category: 'APPAREL-HAT',
    brand: true,
    description: '双层加厚，弹力罗纹。',
    packSize: 12,
    moq: 24,
    weightGrams: 90,
    unit: '顶',
    skus: [
      { code: 'YN-HT-002-BLK', attributes: { 颜色: '黑色', 尺码: '均码' } },
      { code: 'YN-HT-002-BEI', attributes: { 颜色: '米白', 尺码: '均码' } },
    ],
  },
  {
    key: 'YN-SW-003',
    titleZh: '豫暖圆领羊毛衫',
    titleEn: 'Yunuan crew-neck wool sweater',
    category: 'APPAREL-SWEATER',
    brand: true,
    description: '精纺羊毛，圆领套头。',
    packSize: 5,
    moq: 10,
    weightGrams: 420,
    unit: '件',
    skus: [
      { code: 'YN-SW-003-RED-M', attributes: { 颜色: '酒红', 尺码: 'M' } },
      { code: 'YN-SW-003-RED-L', attributes: { 颜色: '酒红', 尺码: 'L' } },
      { code: 'YN-SW-003-RED-XL', attributes: { 颜色: '酒红', 尺码: 'XL' } },
      { code: 'YN-SW-003-GRY-M', attributes: { 颜色: '燕麦灰', 尺码: 'M' } },
      { code: 'YN-SW-003-GRY-L', attributes: { 颜色: '燕麦灰', 尺码: 'L' } },
    ],
  },
];

const LUGGAGE: DemoProduct[] = [
  {
    key: 'XY-TL',
    titleZh: '行远万向轮拉杆箱',
    titleEn: 'Xingyuan spinner trolley case',
    category: 'LUGGAGE-TROLLEY',
    description: 'PC材质，静音万向轮，TSA海关锁。',
    packSize: 1,
    moq: 5,
    weightGrams: 3600,
    unit: '个',
    skus: [
      { code: 'XY-TL-20-BLK', attributes: { 颜色: '曜石黑', 尺码: '20寸' } },
      { code: 'XY-TL-20-SLV', attributes: { 颜色: '星空银', 尺码: '20寸' } },
      { code: 'XY-TL-24-BLK', attributes: { 颜色: '曜石黑', 尺码: '24寸' } },
      { code: 'XY-TL-24-SLV', attributes: { 颜色: '星空银', 尺码: '24寸' } },
      { code: 'XY-TL-28-BLK', attributes: { 颜色: '曜石黑', 尺码: '28寸' } },
    ],
  },
  {
    key: 'XY-BP',
    titleZh: '行远商务双肩包',
    titleEn: 'Xingyuan business backpack',
    category: 'LUGGAGE-BACKPACK',
    description: '防泼水面料，可放15.6寸笔记本。',
    packSize: 10,
    moq: 20,
    weightGrams: 850,
    unit: '个',
    skus: [
      { code: 'XY-BP-01-BLK', attributes: { 颜色: '黑色', 尺码: '14寸' } },
      { code: 'XY-BP-01-GRY', attributes: { 颜色: '深灰', 尺码: '14寸' } },
      { code: 'XY-BP-02-BLK', attributes: { 颜色: '黑色', 尺码: '15.6寸' } },
      { code: 'XY-BP-02-NVY', attributes: { 颜色: '藏青', 尺码: '15.6寸' } },
    ],
  },
];

/**
 * Admissions, documents, brands and catalogs, made through the services as the demo users:
 * factory A admitted at Zhengzhou with its verified brand 豫暖 and knitwear; factory B
 * admitted at both venues with luggage (its brand 行远 waits for review); a third factory's
 * application waiting in the Zhengzhou review queue.
 */
export const factoriesPart: DemoPart = {
  name: 'factories and catalog',
  async run(ctx: RequestContext, refs: DemoRefs) {
    const audit = new AuditService();
    const venues = new VenuesService(audit);
    const documents = new DocumentsService(audit);
    const admissions = new AdmissionsService(venues, documents, audit);
    const brands = new BrandsService(documents, audit);
    const registration = new RegistrationService(new OrganizationsService(audit), audit);
    const categories = new CategoriesService(audit);
    const products = new ProductsService(categories, documents, audit);
    const skus = new SkusService(products, audit);

    const contexts: RequestContext[] = [];
    const as = async (userKey: string): Promise<RequestContext> => {
      const loaded = await loadPrincipal(ctx.manager, refs[`users.${userKey}`]);
      if (!loaded) throw new Error(`Demo user ${userKey} is missing`);
      const acting = new RequestContext(ctx.dataSource, { principal: loaded.principal });
      acting.manager = ctx.manager;
      contexts.push(acting);
      return acting;
    };
    const categoryIds: Record<string, string> = Object.fromEntries(
      ((await ctx.manager.query('SELECT id, code FROM categories')) as { id: string; code: string }[]).map((c) => [c.code, c.id]),
    );
    const licence = async (as: RequestContext, name: string) =>
      documents.store(as, { kind: DocumentKind.BUSINESS_LICENSE, content: tinyPdf(`Business licence: ${name}`), originalName: '营业执照.pdf' });
    const admit = async (factory: RequestContext, reviewer: RequestContext, venueId: string, codes: string[], documentIds: string[]) => {
      const vf = await admissions.apply(factory, {
        venueId,
        paymentTermDays: 30,
        categoryIds: codes.map((c) => categoryIds[c]),
        documentIds,
        note: '申请入驻，货源稳定，支持寄售。',
      });
      await admissions.submit(factory, { id: vf.id });
      return admissions.review(reviewer, { id: vf.id, decision: ReviewDecision.APPROVE, reason: '资质齐全，同意入驻。' });
    };

    const operatorA = await as('operator.admin');
    const operatorB = await as('operator2.admin');

    // Factory A: admitted at Zhengzhou, brand 豫暖 verified, knitwear.
    const factoryA = await as('factory.admin');
    const licenceA = await licence(factoryA, 'Henan Yunuan Knitwear');
    refs['documents.factoryA.licence'] = licenceA.id;
    refs['venueFactories.a.zz'] = (
      await admit(factoryA, operatorA, refs['venues.zz'], ['APPAREL-SCARF', 'APPAREL-HAT', 'APPAREL-SWEATER'], [licenceA.id])
    ).id;
    const certificateA = await documents.store(factoryA, {
      kind: DocumentKind.TRADEMARK_CERTIFICATE,
      content: tinyPdf('Trademark registration certificate No. 41520368'),
      originalName: '豫暖商标注册证.pdf',
    });
    const brandA = await brands.declare(factoryA, { name: '豫暖', trademarkRegNo: '41520368', certificateDocumentId: certificateA.id });
    await brands.review(operatorA, { id: brandA.id, decision: BrandDecision.VERIFY });
    refs['brands.factoryA'] = brandA.id;
    const imageA = await documents.store(factoryA, { kind: DocumentKind.PRODUCT_IMAGE, content: tinyPng([178, 34, 52]), originalName: '围巾主图.png' });
    await addCatalog(factoryA, KNITWEAR, '6923456700', brandA.id, [imageA.id]);

    // Factory B: admitted at both venues, luggage; its brand waits for review.
    const factoryB = await as('factory2.admin');
    const licenceB = await licence(factoryB, 'Yiwu Xingyuan Luggage');
    refs['documents.factoryB.licence'] = licenceB.id;
    const luggage = ['LUGGAGE-TROLLEY', 'LUGGAGE-BACKPACK'];
    refs['venueFactories.b.zz'] = (await admit(factoryB, operatorA, refs['venues.zz'], luggage, [licenceB.id])).id;
    refs['venueFactories.b.yk'] = (await admit(factoryB, operatorB, refs['venues.yk'], luggage, [licenceB.id])).id;
    const certificateB = await documents.store(factoryB, {
      kind: DocumentKind.TRADEMARK_CERTIFICATE,
      content: tinyPdf('Trademark registration certificate No. 38817245'),
      originalName: '行远商标注册证.pdf',
    });
    refs['brands.factoryB'] = (await brands.declare(factoryB, { name: '行远', trademarkRegNo: '38817245', certificateDocumentId: certificateB.id })).id;
    await addCatalog(factoryB, LUGGAGE, '6934567800', null, []);

    // Factory C registers itself and waits in the Zhengzhou review queue.
    const anonymous = new RequestContext(ctx.dataSource);
    anonymous.manager = ctx.manager;
    const { organization, user } = await registration.registerFactory(anonymous, {
      name: '新郑市好日子日用品厂',
      creditCode: creditCode('92410184MA9GH2D5X'),
      address: '河南省新郑市龙湖镇工业园6号',
      industryBelt: '新郑日用品',
      contactName: '郭芳',
      contactPhone: '13598700005',
      admin: { email: 'factory3.admin@demo.xuanpin.test', displayName: '工厂管理员 郭芳', password: DEMO_PASSWORD },
    });
    refs['orgs.factoryC'] = organization.id;
    refs['users.factory3.admin'] = user.id;
    const factoryC = await as('factory3.admin');
    const licenceC = await licence(factoryC, 'Xinzheng Haorizi Daily Goods');
    const applicationC = await admissions.apply(factoryC, {
      venueId: refs['venues.zz'],
      paymentTermDays: 45,
      categoryIds: [categoryIds['DAILY-KITCHEN'], categoryIds['DAILY-STORAGE']],
      documentIds: [licenceC.id],
      note: '主营厨房收纳用品，希望45天账期。',
    });
    await admissions.submit(factoryC, { id: applicationC.id });
    refs['venueFactories.c.zz'] = applicationC.id;

    for (const acting of contexts) for (const event of acting.takeEvents()) ctx.emit(event);

    async function addCatalog(factory: RequestContext, list: DemoProduct[], gtinPrefix: string, brandId: string | null, imageIds: string[]) {
      let serial = 0;
      for (const p of list) {
        const product = await products.create(factory, {
          categoryId: categoryIds[p.category],
          brandId: p.brand && brandId ? brandId : undefined,
          titleZh: p.titleZh,
          titleEn: p.titleEn,
          description: p.description,
          imageDocumentIds: p.brand ? imageIds : [],
        });
        refs[`products.${p.key}`] = product.id;
        for (const s of p.skus) {
          const sku = await skus.create(factory, {
            productId: product.id,
            code: s.code,
            gtin: withGtin13CheckDigit(`${gtinPrefix}${String(++serial).padStart(2, '0')}`),
            attributes: s.attributes,
            unit: p.unit,
            packSize: p.packSize,
            moq: p.moq,
            weightGrams: p.weightGrams,
          });
          refs[`skus.${s.code}`] = sku.id;
        }
      }
    }
  },
};
