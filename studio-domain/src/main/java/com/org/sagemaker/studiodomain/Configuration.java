package com.org.sagemaker.studiodomain;

import java.util.Map;
import java.util.TreeMap;

class Configuration extends BaseConfiguration {

  public Configuration() {
    super("org-sagemaker-studiodomain.json");
  }

  /** The template's Tags, which CloudFormation overlays on the stack tags. */
  @Override
  public Map<String, String> resourceDefinedTags(final ResourceModel resourceModel) {
    if (resourceModel == null || resourceModel.getTags() == null) {
      return null;
    }
    final Map<String, String> tags = new TreeMap<>();
    resourceModel.getTags().forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
    return tags;
  }
}
