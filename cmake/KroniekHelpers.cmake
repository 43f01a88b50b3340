# kroniek_stage(NAME dir_name DEPS ...): one library per pipeline stage built
# from every *.cc in the folder (and internal/) except *_test.cc, *_bench.cc,
# *_fuzz.cc; tests are the *_test.cc beside them, one executable per stage.
function(kroniek_stage)
  cmake_parse_arguments(ARG "" "NAME" "DEPS;TEST_DEPS" ${ARGN})
  file(GLOB _srcs CONFIGURE_DEPENDS
       ${CMAKE_CURRENT_SOURCE_DIR}/*.cc ${CMAKE_CURRENT_SOURCE_DIR}/internal/*.cc)
  list(FILTER _srcs EXCLUDE REGEX "_(test|bench|fuzz)\\.cc$")
  add_library(${ARG_NAME} STATIC ${_srcs})
  target_include_directories(${ARG_NAME} PUBLIC
    ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${ARG_NAME} PUBLIC kroniek_options ${ARG_DEPS})
  if(KRONIEK_BUILD_TESTS)
    file(GLOB _tests CONFIGURE_DEPENDS
         ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc ${CMAKE_CURRENT_SOURCE_DIR}/internal/*_test.cc)
    if(_tests)
      add_executable(${ARG_NAME}_test ${_tests})
      target_link_libraries(${ARG_NAME}_test PRIVATE ${ARG_NAME} ${ARG_TEST_DEPS}
                            GTest::gtest GTest::gtest_main)
      target_compile_definitions(${ARG_NAME}_test PRIVATE
        KRONIEK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
      gtest_discover_tests(${ARG_NAME}_test
        WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
        PROPERTIES ENVIRONMENT "KRONIEK_RESOURCES=${PROJECT_SOURCE_DIR}/src/lang"
        DISCOVERY_TIMEOUT 60)
    endif()
  endif()
endfunction()
