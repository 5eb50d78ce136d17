import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, Ctx, RequestContext } from '@xp/core';
import { DocumentListArgs, DocumentPage } from '../dto/factories.dto';
import { Document } from '../entities/document.entity';
import { DocumentsService } from './documents.service';

@Resolver(() => Document)
export class DocumentsResolver {
  constructor(private readonly service: DocumentsService) {}

  @Query(() => DocumentPage, { description: 'Your documents (and, for venue staff, those of factories that applied to your venues).' })
  @Authenticated()
  documents(@Ctx() ctx: RequestContext, @Args() args: DocumentListArgs) {
    return this.service.list(ctx, args);
  }

  @Query(() => Document, { description: 'The bytes are at GET /api/documents/:id.' })
  @Authenticated()
  document(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.service.findOne(ctx, id);
  }
}
