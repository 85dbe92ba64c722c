package com.org.sagemaker.runner.studio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.org.sagemaker.runner.types.HandledType;
import com.org.sagemaker.runner.types.ResourceTypes;
import com.org.sagemaker.runner.types.TypeProvider;
import com.org.sagemaker.studiodomain.DomainTimings;
import com.org.sagemaker.studiodomain.DomainType;
import com.org.sagemaker.studiouserprofile.ProfileTimings;
import com.org.sagemaker.studiouserprofile.ProfileType;
import java.util.List;

/**
 * This project's two types, registered with the runner's registry of types ({@link ResourceTypes})
 * through {@code META-INF/services}: their handlers, schemas, model classes and the checks their
 * handlers make before any call.
 */
public final class StudioTypes implements TypeProvider {

  public static final String DOMAIN = "Org::SageMaker::StudioDomain";
  public static final String USER_PROFILE = "Org::SageMaker::StudioUserProfile";

  @Override
  public List<HandledType> types() {
    return List.of(
        new StudioType<>(
            DOMAIN,
            "org-sagemaker-studiodomain.json",
            com.org.sagemaker.studiodomain.HandlerWrapper::new,
            new TypeReference<com.org.sagemaker.studiodomain.ResourceModel>() {},
            new DomainType(DomainTimings.DEFAULT)),
        new StudioType<>(
            USER_PROFILE,
            "org-sagemaker-studiouserprofile.json",
            com.org.sagemaker.studiouserprofile.HandlerWrapper::new,
            new TypeReference<com.org.sagemaker.studiouserprofile.ResourceModel>() {},
            new ProfileType(ProfileTimings.DEFAULT)));
  }
}
