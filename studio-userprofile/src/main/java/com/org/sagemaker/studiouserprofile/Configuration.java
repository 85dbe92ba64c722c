package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.Tagging;
import java.util.Map;

class Configuration extends BaseConfiguration {

  public Configuration() {
    super("org-sagemaker-studiouserprofile.json");
  }

  /** The template's Tags, which CloudFormation overlays on the stack tags. */
  @Override
  public Map<String, String> resourceDefinedTags(final ResourceModel resourceModel) {
    return Tagging.resourceTags(resourceModel);
  }
}
