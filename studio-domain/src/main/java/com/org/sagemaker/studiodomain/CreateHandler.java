package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.Pages;
import com.org.sagemaker.common.Stabilization;
import com.org.sagemaker.common.Tagging;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * CreateDomain, then wait for InService. The call chain records the CreateDomain response in the
 * callback context, so a re-invocation resumes waiting and never creates a second domain.
 */
public class CreateHandler extends BaseHandlerStd {

  static final String CREATE_DOMAIN = "Org-SageMaker-StudioDomain::CreateDomain";

  public CreateHandler() {}

  CreateHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    super(timings, client);
  }

  @Override
  protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<ResourceModel> request,
      final CallbackContext callbackContext,
      final ProxyClient<SageMakerClient> proxyClient,
      final Logger logger) {
    final ResourceModel model = request.getDesiredResourceState();
    DomainRules.validate(model);
    Tagging.requireAllowed(request.getDesiredResourceTags());
    final AtomicReference<DescribeDomainResponse> described = new AtomicReference<>();
    return ProgressEvent.progress(model, callbackContext)
        .then(
            progress ->
                proxy
                    .initiate(CREATE_DOMAIN, proxyClient, model, progress.getCallbackContext())
                    .translateToServiceRequest(
                        m ->
                            Translator.toCreateRequest(
                                m,
                                Tagging.forCreate(
                                    request.getDesiredResourceTags(),
                                    request.getClientRequestToken())))
                    .backoffDelay(timings.create())
                    .makeServiceCall(
                        (createRequest, client) -> {
                          logger.log("Creating domain " + createRequest.domainName());
                          return client.injectCredentialsAndInvokeV2(
                              createRequest, client.client()::createDomain);
                        })
                    .stabilize(
                        (createRequest, response, client, m, context) -> {
                          // Every IN_PROGRESS event must carry the primary identifier.
                          m.setDomainId(response.domainId());
                          return !Stabilization.justCalled(context, CREATE_DOMAIN)
                              && isInService(
                                  client,
                                  m,
                                  context,
                                  timings.create(),
                                  CREATE_DOMAIN,
                                  described,
                                  logger);
                        })
                    .handleError(
                        (createRequest, e, client, m, context) ->
                            ErrorRules.handle(Action.CREATE, e, m, context))
                    .progress())
        .then(
            progress ->
                deleteDuplicates(proxyClient, progress, request.getClientRequestToken(), logger))
        .then(
            progress ->
                ReadHandler.read(
                    proxy,
                    proxyClient,
                    model,
                    progress.getCallbackContext(),
                    described.get(),
                    Action.CREATE,
                    Tagging.stackOnlyKeys(request.getDesiredResourceTags(), model)));
  }

  /**
   * CreateDomain has no idempotency token: when its response is lost, the SDK's retry (or a retried
   * invocation) creates a second domain. Any other domain of this name that carries this
   * operation's creation token is such a duplicate, made moments ago by this operation and holding
   * no user data: it is deleted, home volume included.
   */
  private ProgressEvent<ResourceModel, CallbackContext> deleteDuplicates(
      final ProxyClient<SageMakerClient> client,
      final ProgressEvent<ResourceModel, CallbackContext> progress,
      final String clientRequestToken,
      final Logger logger) {
    final ResourceModel model = progress.getResourceModel();
    if (clientRequestToken == null || progress.getCallbackContext().isDuplicatesChecked()) {
      return progress;
    }
    try {
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
                      .retentionPolicy(
                          RetentionPolicy.builder().homeEfsFileSystem("Delete").build())
                      .build()),
              client.client()::deleteDomain);
        }
      }
    } catch (final AwsServiceException e) {
      return ErrorRules.handle(Action.CREATE, e, model, progress.getCallbackContext());
    }
    progress.getCallbackContext().setDuplicatesChecked(true);
    return progress;
  }
}
