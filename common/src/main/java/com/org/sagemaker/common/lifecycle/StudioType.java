package com.org.sagemaker.common.lifecycle;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.SchemaRules;
import com.org.sagemaker.common.Tagging;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.json.JSONObject;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * What one resource type tells the shared {@link Lifecycle}: how to find, describe, create, update,
 * delete and list it, its input rules, and the steps only it has. {@code M} is its resource model,
 * {@code C} its callback context, {@code D} its Describe response and {@code U} its Update request.
 */
public abstract class StudioType<
    M,
    C extends StdCallbackContext & LifecycleContext,
    D extends AwsResponse,
    U extends AwsRequest> {

  private final String callGraphPrefix;
  private final SchemaRules schemaRules;
  private final Supplier<C> newContext;
  private final Supplier<M> emptyModel;

  /**
   * @param typeName e.g. {@code Org::SageMaker::StudioDomain}; names the call graphs
   * @param schema the type's schema, for its create-only properties
   * @param newContext a fresh callback context, for an operation's first invocation
   * @param emptyModel a model to carry through the List call chain when CloudFormation sends none
   */
  protected StudioType(
      final String typeName,
      final JSONObject schema,
      final Supplier<C> newContext,
      final Supplier<M> emptyModel) {
    this.callGraphPrefix = typeName.replace("::", "-");
    this.schemaRules = new SchemaRules(schema);
    this.newContext = newContext;
    this.emptyModel = emptyModel;
  }

  /**
   * A step's name in the callback context, e.g. {@code Org-SageMaker-StudioDomain::DeleteDomain}.
   */
  public final String callGraph(final String step) {
    return callGraphPrefix + "::" + step;
  }

  /**
   * Everything a create checks before its first call: the type's input rules, then the tags the
   * resource would be given. The local runner's {@code validate} calls this too, so that it refuses
   * what the handler would, with the same message.
   */
  public final void checkBeforeCreate(final M model, final Map<String, String> desiredTags) {
    validateCreate(model);
    Tagging.requireAllowed(desiredTags);
  }

  /**
   * Everything an update checks once the resource is found and before it changes anything: no
   * create-only property changed, the type's update rules, the tags. Also the runner's {@code
   * validate}'s, for a resource the stack updates in place.
   */
  public final void checkBeforeUpdate(
      final M desired, final M previous, final Map<String, String> desiredTags) {
    schemaRules.requireCreateOnlyUnchanged(previous, desired);
    validateUpdate(desired, previous);
    Tagging.requireAllowed(desiredTags);
  }

  /** True when the stack replaces rather than updates: a create-only property changed. */
  public final boolean replacedBy(final M previous, final M desired) {
    return !schemaRules.changedCreateOnly(previous, desired).isEmpty();
  }

  final C newContext() {
    return newContext.get();
  }

  final M emptyModel() {
    return emptyModel.get();
  }

  /** Names the resource in messages and logs, e.g. "Domain d-123". */
  public abstract String label(M model);

  /**
   * Fails InvalidRequest when the model lacks what finds the resource (all but Create and List).
   */
  public abstract void requireIdentifier(M model);

  // Reading

  public abstract SageMakerCall<M, ?, D> describeCall();

  public abstract Described<D> described(D response);

  /** Notes what a Describe told about the resource (its ARN) in the model. */
  public abstract void noteDescribed(M model, D response);

  /**
   * The model as SageMaker reports it, with the user's tags; tags with {@code stackOnlyKeys} came
   * from stack-level tags and are not the resource's Tags.
   */
  public abstract M fromDescribe(D response, Map<String, String> tags, Set<String> stackOnlyKeys);

  public abstract ListCall<M, ?, ?> listCall(M model);

  // Creating

  /** Input rules checked before any call; a failure names the property. */
  public abstract void validateCreate(M model);

  /** Steps before the create call, e.g. a check that the name is free. */
  public List<Step<M, C>> beforeCreate(final ResourceHandlerRequest<M> request) {
    return List.of();
  }

  /** The create call, with the tags the resource is created with. */
  public abstract SageMakerCall<M, ?, ?> createCall(Map<String, String> tags);

  /**
   * The create call found the name taken. Unless the type can tell that this very operation made
   * the resource (its response lost), that is AlreadyExists.
   */
  public ProgressEvent<M, C> onNameTaken(
      final ProxyClient<SageMakerClient> client,
      final ResourceHandlerRequest<M> request,
      final Exception error,
      final M model,
      final C context) {
    return ErrorRules.handle(Action.CREATE, error, model, context);
  }

  /** Steps once the resource is InService, before the final read. */
  public List<Step<M, C>> afterCreate(final ResourceHandlerRequest<M> request) {
    return List.of();
  }

  // Updating

  /** Input rules of an update, checked before any change; a failure names the property. */
  public abstract void validateUpdate(M desired, M previous);

  /**
   * The Update request for what changed, or empty when no setting changed. A setting removed from
   * the template goes back to its default; one SageMaker cannot unset fails the update, or is kept,
   * with a line in the log, when {@code rollback} (CloudFormation's rollback must go through).
   */
  public abstract Optional<U> updateRequest(M desired, M previous, boolean rollback, Logger logger);

  public abstract SageMakerCall<M, U, ?> updateCall(U update);

  /** Steps before the update call, e.g. naming what stands in its way. */
  public List<Step<M, C>> beforeUpdate(final M previous, final U update) {
    return List.of();
  }

  // Deleting

  /** Steps before the delete call, e.g. deleting what SageMaker would refuse it for. */
  public List<Step<M, C>> beforeDelete() {
    return List.of();
  }

  public abstract SageMakerCall<M, ?, ?> deleteCall();
}
