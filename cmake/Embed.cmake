# hearth_embed_files(VAR NAMESPACE ns FUNCTION fn FILES f1 f2...): files the program carries in
# itself (the store's migrations, the generator's council table), read at build time. Sets VAR to
# the generated source to add to a target; ns::fn() returns them (model/embedded_file.hpp).
function(hearth_embed_files var)
  cmake_parse_arguments(E "" "NAMESPACE;FUNCTION" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${E_FUNCTION}_embedded.cpp)
  string(REPLACE ";" "|" files "${E_FILES}")
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} "-DFILES=${files}" "-DOUT=${out}" "-DNAMESPACE=${E_NAMESPACE}"
            "-DFUNCTION=${E_FUNCTION}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${E_FUNCTION}"
    VERBATIM)
  set(${var} ${out} PARENT_SCOPE)
endfunction()
