package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.Pages;
import com.org.sagemaker.common.Stabilization;
import com.org.sagemaker.common.Tagging;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * CreateDomain has no idempotency token: when its response is lost, the SDK's retry (or a retried
 * invocation) creates a second domain. Any other domain of this name that carries this operation's
 * creation token is such a duplicate, made moments ago by this operation and holding no user data:
 * it is deleted, home volume included. A domain of the same name without the token is never
 * touched.
 */
final class DuplicateDomains {

  private DuplicateDomains() {}

  static ProgressEvent<ResourceModel, CallbackContext> delete(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final String clientRequestToken,
      final Logger logger) {
    final ResourceModel model = progress.getResourceModel();
    if (clientRequestToken == null) {
      return progress;
    }
    for (final DomainDetails domain :
        Pages.collect(
            token ->
                client.injectCredentialsAndInvokeV2(
                    Translator.toListRequest(token), client.client()::listDomains),
            ListDomainsResponse::domains,
            ListDomainsResponse::nextToken)) {
      if (model.getDomainName().equals(domain.domainName())
          && !model.getDomainId().equals(domain.domainId())
          && !Stabilization.DELETING.equals(domain.statusAsString())
          && clientRequestToken.equals(
              Tagging.listAll(client, domain.domainArn()).get(Tagging.CREATION_TOKEN))) {
        logger.log(
            "Deleting " + domain.domainId() + ", a duplicate made by a retried CreateDomain");
        client.injectCredentialsAndInvokeV2(
            Translator.toDeleteRequest(
                ResourceModel.builder()
                    .domainId(domain.domainId())
                    .retentionPolicy(RetentionPolicy.builder().homeEfsFileSystem("Delete").build())
                    .build()),
            client.client()::deleteDomain);
      }
    }
    return progress;
  }
}
